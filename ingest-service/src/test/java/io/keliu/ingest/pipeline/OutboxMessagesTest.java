package io.keliu.ingest.pipeline;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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
    void noMessagesStoreAsNothing() {
        assertThat(OutboxMessages.read(new OutboxMessages().stored())).isEmpty();
    }
}
