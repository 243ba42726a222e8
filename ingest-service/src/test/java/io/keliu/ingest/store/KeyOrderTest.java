package io.keliu.ingest.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows copied straight into a table go in the order of its "C"-collated keys: their UTF-8 bytes. */
class KeyOrderTest {

    @Test
    void ordersKeysAsTheirUtf8Bytes() {
        List<String> keys = List.of("O-1\u0000P", "O-1", "O-10\u0000A", "O-2", "O-1\u0000P#2", "订单\u0000x",
                "\uFF21", "😀", "O-1\u0000\uE000", "O-1\u0000😀");
        List<String> byBytes = keys.stream().sorted((a, b) -> Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8))).toList();
        assertThat(keys.stream().sorted(UpsertStore::compareCodePoints).toList()).isEqualTo(byBytes);
    }
}
