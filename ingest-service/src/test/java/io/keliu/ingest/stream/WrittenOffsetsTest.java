package io.keliu.ingest.stream;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WrittenOffsetsTest {
    private final TopicPartition p0 = new TopicPartition("keliu.raw.orders", 0);
    private final TopicPartition p1 = new TopicPartition("keliu.raw.orders", 1);
    private final WrittenOffsets offsets = new WrittenOffsets();

    @Test
    void holdsBackALaterBatchUntilEveryEarlierOneIsWritten() {
        long first = offsets.handOff();
        long second = offsets.handOff();
        long third = offsets.handOff();

        offsets.written(second, Map.of(p0, new OffsetAndMetadata(200)));
        assertThat(offsets.drain()).isEmpty();

        offsets.written(first, Map.of(p0, new OffsetAndMetadata(100), p1, new OffsetAndMetadata(50)));
        assertThat(offsets.drain()).containsExactlyInAnyOrderEntriesOf(
                Map.of(p0, new OffsetAndMetadata(200), p1, new OffsetAndMetadata(50)));
        assertThat(offsets.drain()).isEmpty();

        offsets.written(third, Map.of(p1, new OffsetAndMetadata(60)));
        assertThat(offsets.drain()).containsExactlyEntriesOf(Map.of(p1, new OffsetAndMetadata(60)));
    }
}
