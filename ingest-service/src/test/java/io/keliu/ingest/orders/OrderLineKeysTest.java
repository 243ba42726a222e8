package io.keliu.ingest.orders;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.ingest.records.RawRecord;
import io.keliu.ingest.records.RawRecords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLineKeysTest {
    private final OrderLineNormalizer normalizer = new OrderLineNormalizer(RawRecords.SHANGHAI, RawRecords.NOW);

    private static RawRecord row(String orderId, String productId, String quantity, String lineNo) {
        Map<String, String> fields = new HashMap<>();
        fields.put("order_id", orderId);
        fields.put("created_at", "2024-05-01 10:00:00");
        fields.put("product_id", productId);
        fields.put("quantity", quantity);
        fields.put("amount", "9.90");
        fields.put("line_no", lineNo);
        return RawRecords.of(OrderFields.FIELDS, fields);
    }

    /** Keys of the rows in file order, as one import would give them; row hashes from the rows' text. */
    private List<String> keys(OrderLineKeys keys, List<RawRecord> rows) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RawRecord raw = rows.get(i);
            OrderLine keyed = keys.keyed(normalizer.normalize(raw).value(), raw,
                    String.join(",", java.util.Arrays.asList(raw.values())).hashCode(), i + 2);
            result.add(keyed == null ? null : keyed.lineKey());
        }
        return result;
    }

    @Test
    void repeatedProductsOfAnOrderAreNumberedInFileOrder() {
        List<RawRecord> rows = List.of(row("O-1", "SKU-7", "1", null), row("O-1", "SKU-8", "1", null),
                row("O-2", "SKU-7", "1", null), row("O-1", "SKU-7", "3", null), row("O-1", "SKU-7", "1", null));
        OrderLineKeys keys = new OrderLineKeys();
        assertThat(keys(keys, rows)).containsExactly("SKU-7", "SKU-8", "SKU-7", "SKU-7#2", "SKU-7#3");
        assertThat(keys.repeatedRows()).isEqualTo(1);
        assertThat(keys.repeatedLines()).containsExactly(6L);

        assertThat(keys(new OrderLineKeys(), rows)).as("the same file again").containsExactly(
                "SKU-7", "SKU-8", "SKU-7", "SKU-7#2", "SKU-7#3");
    }

    @Test
    void aKeyTakenByALineNumberOrAProductIsSkipped() {
        List<RawRecord> rows = List.of(row("O-1", "SKU-7", "1", "SKU-7#2"), row("O-1", "SKU-7#3", "1", null),
                row("O-1", "SKU-7", "1", null), row("O-1", "SKU-7", "2", null));
        assertThat(keys(new OrderLineKeys(), rows)).containsExactly("SKU-7#2", "SKU-7#3", "SKU-7", "SKU-7#4");
    }

    @Test
    void aRejectedRowKeepsItsPlaceSoTheRowsAfterItKeepTheirKeys() {
        List<RawRecord> withBadRow = List.of(row("O-1", "SKU-7", "lots", null), row("O-1", "SKU-7", "1", null));
        List<RawRecord> corrected = List.of(row("O-1", "SKU-7", "2", null), row("O-1", "SKU-7", "1", null));
        assertThat(keys(new OrderLineKeys(), withBadRow)).containsExactly(null, "SKU-7#2");
        assertThat(keys(new OrderLineKeys(), corrected)).containsExactly("SKU-7", "SKU-7#2");
    }

    @Test
    void manyRowsKeepDistinctKeys() {
        OrderLineKeys keys = new OrderLineKeys();
        List<RawRecord> rows = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            rows.add(row("O-" + i / 600, "SKU-" + i % 40, String.valueOf(1 + i % 7), null));
        }
        List<String> result = keys(keys, rows);
        Map<String, Integer> distinct = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            distinct.merge(rows.get(i).value(OrderFields.ORDER_ID) + "/" + result.get(i), 1, Integer::sum);
        }
        assertThat(distinct).hasSize(rows.size());
        assertThat(result.get(599)).isEqualTo("SKU-39#15");
    }
}
