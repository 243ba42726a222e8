package io.keliu.forecast.live;

import io.keliu.forecast.traffic.OrderTraffic;
import io.keliu.forecast.traffic.TrafficChanged;
import io.keliu.forecast.traffic.TrafficCounts;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Server-Sent Events stream: a {@code minute} event with the current minute's counts whenever they changed
 * (checked twice a second) and an {@code order} event per order entering traffic (sampled to a rate; no personal
 * data). Events are numbered; a client reconnecting with Last-Event-ID gets the events it missed while they are
 * still kept, or a {@code reset} event telling it to reload {@code /api/v1/traffic/live}.
 */
@Component
public class LiveStream {
    public record MinuteUpdate(Instant minute, long orders, long lines, long customers, long anonymousOrders,
                               BigDecimal revenue, long visits) {
    }

    public record Ticker(String orderId, Instant createdAt, String province, String city, String channel,
                         String orderType, BigDecimal amount) {
    }

    public record Reset(String reason) {
    }

    private record StreamEvent(long id, String name, Object data) {
    }

    private final LiveReader reader;
    private final LiveProperties properties;
    private final Clock clock;
    private final Set<SseEmitter> clients = ConcurrentHashMap.newKeySet();
    private final Deque<StreamEvent> recent = new ArrayDeque<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("live-sse")
            .daemon().factory());
    private final AtomicBoolean minuteChanged = new AtomicBoolean();
    private long sequence;
    private long tickerSecond;
    private int tickerSent;

    LiveStream(LiveReader reader, LiveProperties properties, Clock clock, MeterRegistry meters) {
        this.reader = reader;
        this.properties = properties;
        this.clock = clock;
        meters.gauge("keliu.live.clients", clients, Set::size);
    }

    public SseEmitter subscribe(String lastEventId) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(error -> clients.remove(emitter));
        sender.execute(() -> {
            try {
                // sends the headers at once, so that a client (or proxy) knows the stream is open before any event
                emitter.send(SseEmitter.event().comment("connected"));
            } catch (IOException | IllegalStateException gone) {
                return;
            }
            List<StreamEvent> missed = missedSince(lastEventId);
            for (StreamEvent event : missed) {
                if (!send(emitter, event)) {
                    return;
                }
            }
            clients.add(emitter);
        });
        return emitter;
    }

    /** The kept events after {@code lastEventId}; a reset when some were dropped already; none on a first connect. */
    private synchronized List<StreamEvent> missedSince(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return List.of();
        }
        long last;
        try {
            last = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            last = -1;
        }
        long oldestKept = recent.isEmpty() ? sequence + 1 : recent.peekFirst().id();
        if (last < 0 || last > sequence || last + 1 < oldestKept) {
            return List.of(new StreamEvent(sequence, "reset", new Reset("events after " + lastEventId
                    + " are no longer kept; reload /api/v1/traffic/live")));
        }
        long after = last;
        return recent.stream().filter(event -> event.id() > after).toList();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onTrafficChanged(TrafficChanged changed) {
        minuteChanged.set(true);
        for (OrderTraffic order : changed.entered()) {
            if (tickerAllows()) {
                publish("order", new Ticker(order.orderId(), order.createdAt(), order.province(), order.city(),
                        order.channel(), order.orderType(), order.revenue()));
            }
        }
    }

    private synchronized boolean tickerAllows() {
        long second = clock.millis() / 1000;
        if (second != tickerSecond) {
            tickerSecond = second;
            tickerSent = 0;
        }
        return tickerSent++ < properties.tickerPerSecond();
    }

    @Scheduled(fixedDelayString = "${keliu.live.minute-check:500ms}")
    void pushMinuteWhenChanged() {
        if (minuteChanged.getAndSet(false)) {
            Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
            TrafficCounts counts = reader.minutes(minute, minute.plus(1, ChronoUnit.MINUTES))
                    .getOrDefault(minute, TrafficCounts.ZERO);
            long visits = reader.visitMinutes(minute, minute.plus(1, ChronoUnit.MINUTES)).getOrDefault(minute, 0L);
            publish("minute", new MinuteUpdate(minute, counts.orders(), counts.lines(), counts.customers(),
                    counts.anonymousOrders(), counts.revenue(), visits));
        }
    }

    private void publish(String name, Object data) {
        StreamEvent event;
        synchronized (this) {
            event = new StreamEvent(++sequence, name, data);
            recent.addLast(event);
            while (recent.size() > properties.replayEvents()) {
                recent.removeFirst();
            }
        }
        sender.execute(() -> clients.forEach(client -> send(client, event)));
    }

    private boolean send(SseEmitter client, StreamEvent event) {
        try {
            client.send(SseEmitter.event().id(Long.toString(event.id())).name(event.name())
                    .data(event.data(), MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException gone) {
            clients.remove(client);
            return false;
        }
    }

    @PreDestroy
    void close() {
        clients.forEach(SseEmitter::complete);
        sender.shutdownNow();
    }
}
