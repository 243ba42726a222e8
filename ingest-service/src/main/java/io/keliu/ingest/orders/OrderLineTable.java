package io.keliu.ingest.orders;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.ingest.store.CopyRow;
import io.keliu.ingest.store.TableSpec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static io.keliu.ingest.store.Columns.decimal;
import static io.keliu.ingest.store.Columns.instant;
import static io.keliu.ingest.store.Columns.word;

/**
 * {@code ingest.order_lines}. A version is ordered by (version_at, status_rank, cancelled): the source's updated_at,
 * or else the latest of created_at and paid_at; then how far the status has progressed; then cancellation. So a
 * "completed" that arrives before its "pending shipment" is never overwritten by it.
 */
final class OrderLineTable implements TableSpec<OrderLine> {
    private static final List<String> COLUMNS = List.of("order_id", "line_key", "user_id", "anonymous",
            "created_at", "paid_at", "product_id", "category", "quantity", "unit_price", "amount", "shipping_address",
            "province", "city", "country", "order_type", "channel", "status", "cancelled", "remark", "updated_at",
            "version_at", "status_rank");
    private static final Comparator<OrderLine> VERSION_ORDER = Comparator
            .comparing(OrderLineTable::versionAt)
            .thenComparingInt(OrderLineTable::statusRank)
            .thenComparing(OrderLine::cancelled);

    @Override
    public String table() {
        return "ingest.order_lines";
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> keyColumns() {
        return List.of("order_id", "line_key");
    }

    @Override
    public List<String> versionColumns() {
        return List.of("version_at", "status_rank", "cancelled");
    }

    @Override
    public Comparator<OrderLine> versionOrder() {
        return VERSION_ORDER;
    }

    static Instant versionAt(OrderLine line) {
        if (line.updatedAt() != null) {
            return line.updatedAt();
        }
        return line.paidAt() != null && line.paidAt().isAfter(line.createdAt()) ? line.paidAt() : line.createdAt();
    }

    static int statusRank(OrderLine line) {
        return line.status() == null ? 0 : line.status().ordinal() + 1;
    }

    @Override
    public void write(OrderLine line, CopyRow row) {
        row.text(line.orderId()).text(line.lineKey()).text(line.userId()).bool(line.anonymous())
                .instant(line.createdAt()).instant(line.paidAt()).text(line.productId()).text(line.category())
                .integer(line.quantity()).decimal(line.unitPrice()).decimal(line.amount())
                .text(line.shippingAddress()).text(line.province()).text(line.city()).text(line.country())
                .word(line.orderType()).word(line.channel()).word(line.status()).bool(line.cancelled())
                .text(line.remark()).instant(line.updatedAt()).instant(versionAt(line)).integer(statusRank(line));
    }

    @Override
    public OrderLine read(ResultSet row, int first) throws SQLException {
        int c = first;
        return new OrderLine(row.getString(c++), row.getString(c++), row.getString(c++), row.getBoolean(c++),
                instant(row, c++), instant(row, c++), row.getString(c++),
                row.getString(c++), row.getInt(c++), decimal(row, c++), decimal(row, c++),
                row.getString(c++), row.getString(c++), row.getString(c++), row.getString(c++),
                word(row, c++, OrderType.class), word(row, c++, Channel.class),
                word(row, c++, OrderStatus.class), row.getBoolean(c++), row.getString(c++),
                instant(row, c));
    }

    @Override
    public String identity(OrderLine line) {
        return line.orderId() + "\u0000" + line.lineKey();
    }

}
