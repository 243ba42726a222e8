package io.keliu.orderanalytics.rollups;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.funnel.FunnelStore;
import io.micrometer.core.instrument.Counter;
import io.keliu.projection.ChangeTopic;
import io.keliu.projection.ProjectionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the change events of {@code keliu.orders.v1} to the order lines it holds and to everything derived from
 * them (rollups, funnel steps with the customers' orders), in the caller's transaction. Each changed order is taken out of
 * the rollups as it stood and added back as it stands after the change, so updates, cancellations and refunds move
 * exactly what they change.
 */
@Service
public class OrdersProjection implements ProjectionHandler<OrderLine> {
    private final OrderLineStore lines;
    private final RollupStore rollups;
    private final FunnelStore funnel;
    private final PlatformProperties platform;
    private final JdbcTemplate jdbc;
    private final Counter unexpectedBefore;

    public OrdersProjection(OrderLineStore lines, RollupStore rollups, FunnelStore funnel,
                            PlatformProperties platform, JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.lines = lines;
        this.rollups = rollups;
        this.funnel = funnel;
        this.platform = platform;
        this.unexpectedBefore = Counter.builder("keliu.orders.projection.unexpected.before")
                .description("changes whose 'before' names a line this projection does not hold, or the reverse")
                .register(meters);
    }

    @Override
    public ChangeTopic<OrderLine> topic() {
        return ChangeTopic.ORDERS;
    }

    @Override
    public void reset() {
        jdbc.update("TRUNCATE order_lines, order_rollup_hour, order_rollup_day, order_funnel");
    }

    /** Applies the events (already deduplicated by event id) in their order. */
    @Override
    public void apply(List<ChangeEvent<OrderLine>> events) {
        Map<String, List<ChangeEvent<OrderLine>>> byOrder = new LinkedHashMap<>();
        for (ChangeEvent<OrderLine> event : events) {
            OrderLine line = event.after() != null ? event.after() : event.before();
            if (line != null) {
                byOrder.computeIfAbsent(line.orderId(), id -> new ArrayList<>()).add(event);
            }
        }
        if (byOrder.isEmpty()) {
            return;
        }
        Map<String, Map<String, OrderLine>> stored = lines.load(byOrder.keySet());
        Contributions contributions = new Contributions(platform.zone());
        Map<String, OrderLine> upserts = new LinkedHashMap<>();
        Map<String, OrderLine> deletes = new LinkedHashMap<>();
        List<FunnelStore.Step> steps = new ArrayList<>();
        Set<String> emptied = new LinkedHashSet<>();
        byOrder.forEach((orderId, changes) -> {
            Map<String, OrderLine> current = new HashMap<>(stored.getOrDefault(orderId, Map.of()));
            OrderFacts was = OrderFacts.of(orderId, current.values());
            contributions.add(was, -1);
            List<OrderLine> versions = new ArrayList<>();
            for (ChangeEvent<OrderLine> change : changes) {
                apply(change, current, upserts, deletes, versions);
            }
            OrderFacts order = OrderFacts.of(orderId, current.values());
            contributions.add(order, 1);
            FunnelStore.Step step = new FunnelStore.Step(order, versions);
            if (order.isEmpty()) {
                emptied.add(orderId);
            } else if (step.changes(was)) {
                steps.add(step);
            }
        });
        lines.delete(List.copyOf(deletes.values()));
        lines.upsert(List.copyOf(upserts.values()));
        rollups.add(contributions.deltas());
        funnel.record(steps);
        funnel.delete(emptied);
    }

    private void apply(ChangeEvent<OrderLine> change, Map<String, OrderLine> current, Map<String, OrderLine> upserts,
                       Map<String, OrderLine> deletes, List<OrderLine> versions) {
        OrderLine before = change.before();
        OrderLine after = change.after();
        String lineKey = after != null ? after.lineKey() : before.lineKey();
        if ((before == null) != (current.get(lineKey) == null)) {
            unexpectedBefore.increment();
        }
        String id = (after != null ? after.orderId() : before.orderId()) + "\u0000" + lineKey;
        if (after == null) {
            current.remove(lineKey);
            upserts.remove(id);
            deletes.put(id, before);
        } else {
            current.put(lineKey, after);
            deletes.remove(id);
            upserts.put(id, after);
            versions.add(after);
        }
    }
}
