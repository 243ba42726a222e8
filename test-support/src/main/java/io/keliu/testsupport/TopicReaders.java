package io.keliu.testsupport;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.util.List;
import java.util.Map;

/** Consumers with which a test reads what a service published, as any downstream service would. */
public final class TopicReaders {
    private TopicReaders() {
    }

    /**
     * A consumer of {@code topics} in its own group, reading from the earliest offset and committing nothing; the
     * caller closes it.
     */
    public static Consumer<String, byte[]> fromEarliest(EmbeddedKafkaBroker broker, String group, String... topics) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, group, false);
        props.put("auto.offset.reset", "earliest");
        Consumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topics));
        return consumer;
    }
}
