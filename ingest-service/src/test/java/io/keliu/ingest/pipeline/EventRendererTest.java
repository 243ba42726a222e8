package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.ingest.records.FieldSet;
import io.keliu.testsupport.ChangeEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A batch's events come out of one buffer and one generator: each must be the whole event of its record alone. */
class EventRendererTest {
    private static final Instant PREPARED = Instant.parse("2024-05-01T02:06:00.120Z");
    private static final IngestKind<OrderLine> ORDERS = new IngestKind<>("orders", FieldSet.of("order_id"), null,
            null, "raw", "changes", line -> line.orderId() + "/" + line.lineKey(), OrderLine::orderId);

    private final EventPublisher publisher = new EventPublisher(new DefaultKafkaProducerFactory<>(Map.of(
            "bootstrap.servers", "localhost:1")));

    @AfterEach
    void close() {
        publisher.destroy();
    }

    @Test
    void rendersEachEventOfABatchAsItsRecordAlone() {
        List<OrderLine> lines = List.of(line("O-1", "SKU \"7\"", "浙江省杭州市 😀"), line("O-2", "P\\2", null),
                line("O-3", "订单/3", "带\n换行"));
        List<byte[]> batch;
        try (EventPublisher.EventRenderer events = publisher.renderer(PREPARED)) {
            batch = lines.stream().map(l -> events.render(ORDERS, l, row(l)).asNew()).toList();
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            ChangeEvent<OrderLine> event = ChangeEvents.read(batch.get(i), OrderLine.class);
            assertThat(event.after()).isEqualTo(line);
            assertThat(event.before()).isNull();
            assertThat(event.key()).isEqualTo(line.orderId() + "/" + line.lineKey());
            assertThat(event.occurredAt()).isEqualTo(PREPARED);
            assertThat(event.eventId()).isEqualTo(EventPublisher.eventId("orders", event.key(), row(line)));
            try (EventPublisher.EventRenderer alone = publisher.renderer(PREPARED)) {
                assertThat(new String(batch.get(i), StandardCharsets.UTF_8)).isEqualTo(
                        new String(alone.render(ORDERS, line, row(line)).asNew(), StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] row(OrderLine line) {
        return (line.orderId() + "," + line.lineKey()).getBytes(StandardCharsets.UTF_8);
    }

    private static OrderLine line(String orderId, String product, String address) {
        return new OrderLine(orderId, product, "U-1", false, Instant.parse("2024-05-01T02:00:00Z"),
                Instant.parse("2024-05-01T02:05:30.250Z"), product, "数码", 2, new BigDecimal("29.90"),
                new BigDecimal("59.80"), address, "浙江省", "杭州市", "CN", null, Channel.WECHAT,
                OrderStatus.PAID, false, null, null);
    }
}
