package io.keliu.analytics.customers;

import io.keliu.contracts.v1.OrderLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What order lines add up to, by the contract's rule (docs/analytics.md, "Refunds and cancellations"): the newest
 * version of each line counts; a cancelled or refunded line takes back what it added, so it adds nothing itself, and
 * a refund line (negative quantity and amount) subtracts. The same rule serves a file read whole and a service that
 * keeps order totals from change events: {@link #netAmount} of {@code after} minus that of {@code before}.
 */
public final class OrderNetting {

    /** The contract's version order: updated_at (else the later of created_at and paid_at), status, cancellation. */
    public static final Comparator<OrderLine> VERSION_ORDER = Comparator
            .comparing(OrderNetting::versionAt)
            .thenComparingInt((OrderLine line) -> line.status() == null ? 0 : line.status().ordinal() + 1)
            .thenComparing(OrderLine::cancelled);

    private OrderNetting() {
    }

    /** What a line adds to its order's value: its amount; 0 on a cancelled or refunded sale; a refund's negative. */
    public static BigDecimal netAmount(OrderLine line) {
        return line.reversal() && line.amount().signum() > 0 ? BigDecimal.ZERO : line.amount();
    }

    /** What a line adds to the items bought, by the same rule as {@link #netAmount}. */
    public static int netQuantity(OrderLine line) {
        return line.reversal() && line.quantity() > 0 ? 0 : line.quantity();
    }

    /**
     * The newest version of every line (identity: order id and line key), in the order the lines first appeared; of
     * two versions that rank equal the later one in the file counts, as when ingest stores them in one batch.
     */
    public static List<OrderLine> latestVersions(Collection<OrderLine> lines) {
        Map<String, OrderLine> latest = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            latest.merge(line.orderId() + '\u0000' + line.lineKey(), line,
                    (stored, arriving) -> VERSION_ORDER.compare(arriving, stored) >= 0 ? arriving : stored);
        }
        return List.copyOf(latest.values());
    }

    /**
     * One {@link Purchase} per order of a known customer, from the newest versions of its lines: the order's day
     * (its earliest creation, in {@code zone}) and its net units and amount. An order whose lines net to zero or
     * less is kept (a refund lowers its customer's spend); {@link CustomerSummaries} decides what is an occasion.
     */
    public static List<Purchase> purchases(Collection<OrderLine> lines, ZoneId zone) {
        Map<String, OrderTotal> orders = new LinkedHashMap<>();
        for (OrderLine line : latestVersions(lines)) {
            orders.computeIfAbsent(line.orderId(), id -> new OrderTotal()).add(line);
        }
        return orders.values().stream()
                .filter(order -> order.customerId != null)
                .map(order -> new Purchase(order.customerId, order.createdAt.atZone(zone).toLocalDate(),
                        order.units, order.amount.doubleValue()))
                .toList();
    }

    /** The day an order was placed, in {@code zone}. */
    public static LocalDate day(OrderLine line, ZoneId zone) {
        return line.createdAt().atZone(zone).toLocalDate();
    }

    private static Instant versionAt(OrderLine line) {
        if (line.updatedAt() != null) {
            return line.updatedAt();
        }
        return line.paidAt() != null && line.paidAt().isAfter(line.createdAt()) ? line.paidAt() : line.createdAt();
    }

    private static final class OrderTotal {
        String customerId;
        Instant createdAt;
        long units;
        BigDecimal amount = BigDecimal.ZERO;

        void add(OrderLine line) {
            if (customerId == null && line.userId() != null) {
                customerId = line.userId();
            }
            if (createdAt == null || line.createdAt().isBefore(createdAt)) {
                createdAt = line.createdAt();
            }
            units += netQuantity(line);
            amount = amount.add(netAmount(line));
        }
    }
}
