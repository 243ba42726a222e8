package io.keliu.profile;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.contracts.v1.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Publishes change events as ingest renders them (Jackson's default JSON of the contract records). */
final class ChangeEvents implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Producer<String, byte[]> producer;

    ChangeEvents(EmbeddedKafkaBroker broker) {
        this.producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new ByteArraySerializer());
    }

    <T> ChangeEvent<T> send(String topic, String key, String recordKey, T before, T after) {
        ChangeEvent<T> event = new ChangeEvent<>(UUID.randomUUID().toString(), ChangeEvent.SCHEMA_VERSION, recordKey,
                Instant.now(), before, after);
        resend(topic, key, event);
        return event;
    }

    void resend(String topic, String key, ChangeEvent<?> event) {
        producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(event)));
    }

    /** An order line event keyed by customer (the order id for an anonymous one), as on keliu.orders.v1. */
    ChangeEvent<OrderLine> line(OrderLine before, OrderLine after) {
        OrderLine any = after != null ? after : before;
        return send(Topics.ORDERS, any.userId() != null ? any.userId() : any.orderId(),
                any.orderId() + "/" + any.lineKey(), before, after);
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    static OrderLine line(String orderId, String lineKey, String userId, String createdAt, int quantity,
                          String amount, OrderStatus status, boolean cancelled, String category, Channel channel) {
        Instant at = Instant.parse(createdAt);
        return new OrderLine(orderId, lineKey, userId, userId == null, at, at, lineKey, category, quantity, null,
                new BigDecimal(amount), "浙江省杭州市西湖区文三路 100 号", "浙江省", "杭州市", "CN", OrderType.WEB, channel,
                status, cancelled, null, at);
    }
}
