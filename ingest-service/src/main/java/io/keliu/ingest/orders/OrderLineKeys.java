package io.keliu.ingest.orders;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.ingest.pipeline.FileKeys;
import io.keliu.ingest.records.RawRecord;

import java.util.ArrayList;
import java.util.List;

import static io.keliu.ingest.orders.OrderFields.LINE_NO;
import static io.keliu.ingest.orders.OrderFields.ORDER_ID;
import static io.keliu.ingest.orders.OrderFields.PRODUCT_ID;

/**
 * The line keys of one order file (docs/contracts.md, "Line identity"): a row with a line_no is keyed by it; a row
 * without one by its product id, and when that key is already taken in the order (the product was on an earlier row),
 * by {@code product#2}, {@code product#3}, … the first one not taken. So every row is a line, and importing the same
 * file again gives each row the key it had.
 * <p>
 * The keys taken are remembered as 64-bit hashes of (order id, key), with the hash of the row that took each, in two
 * arrays: 32 bytes per row of the file instead of a few hundred for strings in a map. Two different keys of one file
 * share a hash with a probability below 10⁻⁷ even in a file of a million rows; the row would then be keyed
 * {@code product#2} although its product is new in the order: still stored, still a line of its own.
 */
final class OrderLineKeys implements FileKeys<OrderLine> {
    private static final int REPEATED_LINES_LISTED = 20;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long[] keys = new long[1 << 12];
    private long[] rows = new long[1 << 12];
    private int size;
    private long repeatedRows;
    private final List<Long> repeatedLines = new ArrayList<>();

    @Override
    public OrderLine keyed(OrderLine record, RawRecord raw, long rowHash, long line) {
        String orderId = raw.value(ORDER_ID);
        String productId = raw.value(PRODUCT_ID);
        String lineNo = raw.value(LINE_NO);
        if (orderId == null || (productId == null && lineNo == null)) {
            return record;
        }
        long row = rowHash == 0 ? 1 : rowHash; // 0 marks a free slot
        if (lineNo != null) {
            take(hash(orderId, lineNo, 1), row);
            return record;
        }
        boolean repeated = false;
        int occurrence = 1;
        for (long taken = take(hash(orderId, productId, 1), row); taken != 0;
             taken = take(hash(orderId, productId, ++occurrence), row)) {
            repeated |= taken == row;
        }
        if (repeated) {
            noteRepeated(line);
        }
        return record == null || occurrence == 1 ? record : withKey(record, productId + "#" + occurrence);
    }

    @Override
    public long repeatedRows() {
        return repeatedRows;
    }

    @Override
    public List<Long> repeatedLines() {
        return List.copyOf(repeatedLines);
    }

    private void noteRepeated(long line) {
        repeatedRows++;
        if (repeatedLines.size() < REPEATED_LINES_LISTED) {
            repeatedLines.add(line);
        }
    }

    /** FNV-1a over the order id, a NUL, the key, and "#n" for n > 1, as the key string itself would hash. */
    static long hash(String orderId, String key, int occurrence) {
        long h = FNV_OFFSET;
        for (int i = 0; i < orderId.length(); i++) {
            h = (h ^ orderId.charAt(i)) * FNV_PRIME;
        }
        h *= FNV_PRIME; // the NUL between them
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * FNV_PRIME;
        }
        if (occurrence > 1) {
            h = (h ^ '#') * FNV_PRIME;
            String digits = Integer.toString(occurrence);
            for (int i = 0; i < digits.length(); i++) {
                h = (h ^ digits.charAt(i)) * FNV_PRIME;
            }
        }
        return h == 0 ? 1 : h;
    }

    /** Takes the key unless it is taken: returns 0 then, else the hash of the row that took it. */
    private long take(long key, long rowHash) {
        int slot = slot(key, keys.length);
        while (keys[slot] != 0) {
            if (keys[slot] == key) {
                return rows[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = key;
        rows[slot] = rowHash;
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i], keys.length);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    /** FNV's low bits are weak: mix them before taking a slot (MurmurHash3's finalizer). */
    private static int slot(long key, int capacity) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93e8f2e5a1dL;
        h ^= h >>> 33;
        return (int) h & (capacity - 1);
    }

    private static OrderLine withKey(OrderLine l, String lineKey) {
        return new OrderLine(l.orderId(), lineKey, l.userId(), l.anonymous(), l.createdAt(), l.paidAt(),
                l.productId(), l.category(), l.quantity(), l.unitPrice(), l.amount(), l.shippingAddress(),
                l.province(), l.city(), l.country(), l.orderType(), l.channel(), l.status(), l.cancelled(),
                l.remark(), l.updatedAt());
    }
}
