package io.keliu.ingest.pipeline;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxMessagesTest {

    @Test
    void storedMessagesReadBackAsTheyWereAddedInOrder() {
        OutboxMessages messages = new OutboxMessages();
        messages.add("keliu.orders.v1", "顾客-1", "{\"after\":\"😀\"}".getBytes(StandardCharsets.UTF_8));
        messages.add("keliu.ingest.dead-letter", null, new byte[0]);
        messages.add("keliu.logs.v1", "", new byte[] {0, -1, 127});

        List<ProducerRecord<String, byte[]>> read = OutboxMessages.read(messages.stored());

        assertThat(read).hasSize(3);
        for (int i = 0; i < read.size(); i++) {
            ProducerRecord<String, byte[]> added = messages.records().get(i);
            assertThat(read.get(i).topic()).isEqualTo(added.topic());
            assertThat(read.get(i).key()).isEqualTo(added.key());
            assertThat(read.get(i).value()).isEqualTo(added.value());
        }
    }

    @Test
    void storedMessagesAreCompressedAndRowsStoredUncompressedStillRead() {
        OutboxMessages messages = new OutboxMessages();
        byte[] event = "{\"eventId\":\"e\",\"after\":{\"orderId\":\"O-1\",\"country\":\"CN\"}}"
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1_000; i++) {
            messages.add("keliu.orders.v1", "O-" + i, event);
        }
        byte[] stored = messages.stored();
        assertThat(stored.length).isLessThan(1_000 * event.length / 5);

        ByteBuffer uncompressed = ByteBuffer.allocate(256);
        for (byte[] part : List.of("keliu.orders.v1".getBytes(StandardCharsets.UTF_8), "k".getBytes(), event)) {
            uncompressed.putInt(part.length).put(part);
        }
        List<ProducerRecord<String, byte[]>> read = OutboxMessages.read(
                Arrays.copyOf(uncompressed.array(), uncompressed.position()));
        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("k");
            assertThat(r.value()).isEqualTo(event);
        });
    }

    @Test
    void noMessagesStoreAsNothing() {
        assertThat(OutboxMessages.read(new OutboxMessages().stored())).isEmpty();
    }
}
