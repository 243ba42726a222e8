package io.keliu.analytics.customers;

import io.keliu.analytics.io.CsvRecords;
import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;
import io.keliu.analytics.io.Rejections;
import io.keliu.analytics.io.TextLines;
import io.keliu.contracts.v1.FieldError;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.Timestamps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an orders file of the import format (docs/contracts.md, one row per order line) by the import's rules: the
 * same field splitting ({@code CsvFields}), header words, timestamps ({@code Timestamps}), enumeration words and
 * flags, ranges and signs. A row that breaks a rule is skipped and reported with its line, field and reason, as an
 * import reports it; the rows that pass are returned as {@link OrderLine}s of the contract, keyed as the import keys
 * the rows of a file, versions and all.
 */
public final class OrdersCsv {

    /** Timestamps without an offset are local times of the shop, which is in China (KELIU_ZONE's default). */
    public static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

    private final Timestamps timestamps;
    private final Clock clock;

    /** @param clock "now", for the import's rule that a timestamp more than a day ahead is a typo */
    public OrdersCsv(ZoneId zone, Clock clock) {
        this.timestamps = new Timestamps(zone);
        this.clock = clock;
    }

    /** In the shop's zone, as of now. */
    public static OrdersCsv standard() {
        return new OrdersCsv(SHOP_ZONE, Clock.systemUTC());
    }

    /**
     * The lines read and the rows skipped.
     *
     * @param ignoredColumns header names that are not fields of the format
     */
    public record Result(List<OrderLine> lines, Rejections rejections, List<String> ignoredColumns) {
    }

    public Result read(Path file, Charset charset) {
        try (TextLines lines = TextLines.open(file, charset)) {
            return read(new CsvRecords(lines, CsvTable.Comments.NONE), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Result parse(String text, String source) {
        try {
            return read(new CsvRecords(new BufferedReader(new StringReader(text))::readLine, CsvTable.Comments.NONE),
                    source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result read(CsvRecords records, String source) throws IOException {
        CsvRecords.Record header;
        try {
            header = records.next();
        } catch (CsvRecords.BadRecord e) {
            throw new DataFormatException(source + ": the header " + e.getMessage(), e);
        }
        if (header == null) {
            throw new DataFormatException(source + ": empty file; an orders file starts with a header line naming its "
                    + "columns (order_id, user_id, created_at, product_id, quantity, amount, …)");
        }
        List<String> ignored = new ArrayList<>();
        int[] columnOf = OrderColumns.locate(header.fields(), source, ignored);
        List<OrderLine> lines = new ArrayList<>();
        Rejections rejections = new Rejections();
        Set<String> takenKeys = new HashSet<>();
        while (true) {
            CsvRecords.Record record;
            try {
                record = records.next();
            } catch (CsvRecords.BadRecord e) {
                rejections.reject(new FieldError(e.line(), null, e.reason()));
                continue;
            }
            if (record == null) {
                break;
            }
            if (record.fields().size() != header.fields().size()) {
                rejections.reject(new FieldError(record.line(), null, fieldCount(record, header)));
                continue;
            }
            OrderRow row = new OrderRow(record.fields(), columnOf, record.line(), timestamps, clock.instant());
            OrderLine line = row.read();
            String key = lineKey(row, takenKeys);
            if (line == null) {
                rejections.reject(row.errors());
            } else {
                lines.add(key.equals(line.lineKey()) ? line : withKey(line, key));
            }
        }
        return new Result(List.copyOf(lines), rejections, List.copyOf(ignored));
    }

    /**
     * The line key of a row, as the import keys the rows of a file (docs/contracts.md, "Line identity"): its line_no;
     * else its product id, or {@code product#2}, {@code #3} … when an earlier row of the order took that key. A
     * rejected row takes its key all the same, so every row is a line of its own unless line_no says otherwise.
     */
    private static String lineKey(OrderRow row, Set<String> takenKeys) {
        String orderId = row.value(OrderColumns.ORDER_ID);
        String productId = row.value(OrderColumns.PRODUCT_ID);
        String lineNo = row.value(OrderColumns.LINE_NO);
        if (orderId == null || (productId == null && lineNo == null)) {
            return "";
        }
        if (lineNo != null) {
            takenKeys.add(orderId + '\u0000' + lineNo);
            return lineNo;
        }
        String key = productId;
        for (int occurrence = 2; !takenKeys.add(orderId + '\u0000' + key); occurrence++) {
            key = productId + "#" + occurrence;
        }
        return key;
    }

    private static OrderLine withKey(OrderLine l, String lineKey) {
        return new OrderLine(l.orderId(), lineKey, l.userId(), l.anonymous(), l.createdAt(), l.paidAt(),
                l.productId(), l.category(), l.quantity(), l.unitPrice(), l.amount(), l.shippingAddress(),
                l.province(), l.city(), l.country(), l.orderType(), l.channel(), l.status(), l.cancelled(),
                l.remark(), l.updatedAt());
    }

    /** "has 5 fields but the header has 15", in the import's words: a short row is reported, never padded. */
    private static String fieldCount(CsvRecords.Record record, CsvRecords.Record header) {
        int fields = record.fields().size();
        int expected = header.fields().size();
        return "has " + fields + " fields but the header has " + expected + "; "
                + (fields > expected ? "a comma inside a value must be quoted (\"a,b\")" : "is the line cut short?");
    }
}
