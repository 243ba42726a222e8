package io.keliu.profile.projection;

import io.keliu.profile.customers.CustomerStore.LineKey;
import io.keliu.profile.customers.StoredLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersProjectionTest {
    private static final LineKey KEPT = new LineKey("A1", "P1");
    private static final LineKey MOVED = new LineKey("A2", "P1");
    private static final LineKey DROPPED = new LineKey("A3", "P1");
    private static final LineKey NEW = new LineKey("A4", "P1");

    @Test
    void aBatchsChangesReplaceTheStoredLinesOfWhicheverCustomerHeldThem() {
        Map<String, Map<LineKey, StoredLine>> stored = new HashMap<>();
        stored.put("U1", lines(KEPT, line(KEPT, "U1", "10"), MOVED, line(MOVED, "U1", "20"),
                DROPPED, line(DROPPED, "U1", "30")));
        Map<LineKey, StoredLine> kept = lines(MOVED, line(MOVED, "U2", "21"), NEW, line(NEW, "U1", "40"));

        Map<String, Map<LineKey, StoredLine>> after = OrdersProjection.afterBatch(stored,
                Set.of(MOVED, DROPPED, NEW), kept);

        assertThat(after.get("U1")).containsOnlyKeys(KEPT, NEW);
        assertThat(after.get("U1").get(NEW).netAmount()).isEqualByComparingTo("40");
        assertThat(after.get("U2")).containsOnlyKeys(MOVED);
        assertThat(after.get("U2").get(MOVED).netAmount()).isEqualByComparingTo("21");
    }

    private static Map<LineKey, StoredLine> lines(Object... keysAndLines) {
        Map<LineKey, StoredLine> lines = new LinkedHashMap<>();
        for (int i = 0; i < keysAndLines.length; i += 2) {
            lines.put((LineKey) keysAndLines[i], (StoredLine) keysAndLines[i + 1]);
        }
        return lines;
    }

    private static StoredLine line(LineKey key, String user, String amount) {
        return new StoredLine(key.orderId(), user, Instant.parse("2024-05-01T02:00:00Z"), new BigDecimal(amount), 1,
                "toys", "APP", "WEB", null, null, null);
    }
}
