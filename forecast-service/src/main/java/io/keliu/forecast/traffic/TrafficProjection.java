package io.keliu.forecast.traffic;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.forecast.PlatformProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Projects order-line changes onto the traffic buckets. Each affected order's traffic is computed from its stored
 * lines before and after the batch, and the difference is applied: a later cancellation takes the order out of its
 * bucket, a refund-only order never enters one, and replaying a version already applied changes nothing.
 */
@Service
public class TrafficProjection {
    private final OrderLineStore lines;
    private final BucketStore buckets;
    private final PlatformProperties platform;
    private final TrafficProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    TrafficProjection(OrderLineStore lines, BucketStore buckets, PlatformProperties platform,
                      TrafficProperties properties, Clock clock, ApplicationEventPublisher publisher) {
        this.lines = lines;
        this.buckets = buckets;
        this.platform = platform;
        this.properties = properties;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Applies the events in their order; returns the orders that became traffic with them, also published as a
     * {@link TrafficChanged} (delivered to the live stream after the commit).
     */
    @Transactional
    public List<OrderTraffic> apply(List<ChangeEvent<OrderLine>> events) {
        Set<String> orderIds = new LinkedHashSet<>();
        events.forEach(event -> orderIds.add(current(event).orderId()));
        Map<String, Map<String, StoredLine>> stored = lines.linesOf(orderIds);
        Map<String, Map<String, StoredLine>> updated = new HashMap<>();
        stored.forEach((orderId, orderLines) -> updated.put(orderId, new HashMap<>(orderLines)));
        List<StoredLine> removed = new ArrayList<>();
        for (ChangeEvent<OrderLine> event : events) {
            OrderLine line = current(event);
            Map<String, StoredLine> order = updated.computeIfAbsent(line.orderId(), any -> new HashMap<>());
            if (event.after() != null) {
                order.put(line.lineKey(), StoredLine.of(line));
            } else if (order.remove(line.lineKey()) != null) {
                removed.add(StoredLine.of(line));
            }
        }
        lines.save(updated.values().stream().flatMap(order -> order.values().stream()).toList());
        lines.delete(removed);

        BucketDeltas deltas = new BucketDeltas(platform.zone(), this::kept);
        List<OrderTraffic> entered = new ArrayList<>();
        for (String orderId : orderIds) {
            var before = OrderTraffic.of(stored.getOrDefault(orderId, Map.of()).values());
            var after = OrderTraffic.of(updated.get(orderId).values());
            if (!before.equals(after)) {
                before.ifPresent(order -> deltas.add(order, -1));
                after.ifPresent(order -> deltas.add(order, +1));
                if (before.isEmpty()) {
                    after.ifPresent(entered::add);
                }
            }
        }
        buckets.apply(deltas);
        publisher.publishEvent(new TrafficChanged(entered));
        return entered;
    }

    private static OrderLine current(ChangeEvent<OrderLine> event) {
        return event.after() != null ? event.after() : event.before();
    }

    /** Buckets past their retention are gone; changes to them are dropped rather than leaving negative counts. */
    private boolean kept(BucketDeltas.Key key) {
        return properties.keeps(key.granularity(), key.bucketStart(), clock.instant());
    }

    /** Drops minute and hour buckets past their retention, every hour. */
    @Scheduled(cron = "${keliu.traffic.prune-cron:0 17 * * * *}")
    public int prune() {
        Instant now = clock.instant();
        return buckets.prune(Granularity.MINUTE, now.minus(properties.minuteRetention()))
                + buckets.prune(Granularity.HOUR, now.minus(properties.hourRetention()));
    }
}
