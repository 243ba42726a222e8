package io.keliu.profile.projection;

import io.keliu.analytics.customers.OrderNetting;
import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.profile.customers.CustomerFacts;
import io.keliu.profile.customers.CustomerStore;
import io.keliu.profile.customers.CustomerStore.LineKey;
import io.keliu.profile.customers.StoredLine;
import io.keliu.projection.ChangeTopic;
import io.keliu.projection.ProjectionHandler;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the newest version of every order line of a known customer, with what it adds by the analytics library's
 * netting rule ({@link OrderNetting}), then recomputes the facts of every customer a batch touched from its lines
 * (those stored before the batch with the batch's changes applied). A line that becomes anonymous is dropped:
 * anonymous orders never make customers.
 */
@Component
class OrdersProjection implements ProjectionHandler<OrderLine> {
    private final CustomerStore store;
    private final CustomerFacts facts;

    OrdersProjection(CustomerStore store, CustomerFacts facts) {
        this.store = store;
        this.facts = facts;
    }

    @Override
    public ChangeTopic<OrderLine> topic() {
        return ChangeTopic.ORDERS;
    }

    @Override
    public void apply(List<ChangeEvent<OrderLine>> events) {
        Map<LineKey, OrderLine> newest = new LinkedHashMap<>();
        Set<String> touched = new HashSet<>();
        for (ChangeEvent<OrderLine> event : events) {
            OrderLine line = event.after() != null ? event.after() : event.before();
            newest.put(new LineKey(line.orderId(), line.lineKey()), event.after());
            customerOf(event.before(), touched);
            customerOf(event.after(), touched);
        }
        Map<LineKey, StoredLine> kept = new LinkedHashMap<>();
        Set<LineKey> dropped = new HashSet<>();
        newest.forEach((key, line) -> {
            if (line == null || line.userId() == null) {
                dropped.add(key);
            } else {
                kept.put(key, stored(line));
            }
        });
        Map<String, Map<LineKey, StoredLine>> lines = store.linesOf(touched);
        store.deleteLines(dropped);
        store.upsertLines(kept);
        facts.refresh(touched, afterBatch(lines, newest.keySet(), kept));
    }

    /**
     * The touched customers' lines as the batch leaves them, from their lines read before its writes: a changed line
     * leaves whichever customer held it and joins its new customer unless dropped. The batch's own lines are not read
     * back from the table.
     */
    static Map<String, Map<LineKey, StoredLine>> afterBatch(Map<String, Map<LineKey, StoredLine>> stored,
                                                            Set<LineKey> changed,
                                                            Map<LineKey, StoredLine> kept) {
        stored.values().forEach(lines -> lines.keySet().removeAll(changed));
        kept.forEach((key, line) -> stored.computeIfAbsent(line.userId(), u -> new LinkedHashMap<>()).put(key, line));
        return stored;
    }

    private static void customerOf(OrderLine line, Set<String> customers) {
        if (line != null && line.userId() != null) {
            customers.add(line.userId());
        }
    }

    private static StoredLine stored(OrderLine line) {
        return new StoredLine(line.orderId(), line.userId(), line.createdAt(), OrderNetting.netAmount(line),
                OrderNetting.netQuantity(line), line.category(), line.channel() == null ? null : line.channel().name(),
                line.orderType() == null ? null : line.orderType().name(), line.shippingAddress(), line.province(),
                line.city());
    }

    @Override
    public void reset() {
        store.truncateAll();
    }
}
