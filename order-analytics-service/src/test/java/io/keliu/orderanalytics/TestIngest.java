package io.keliu.orderanalytics;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.Flags;
import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.contracts.v1.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Publishes change events as ingest-service does for an imported file: every row is a line; a line seen before is
 * published with its previous version as "before", an unchanged one not at all.
 */
final class TestIngest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Timestamps TIMESTAMPS = new Timestamps(ZoneId.of("Asia/Shanghai"));

    private final Producer<String, byte[]> producer;
    private final Map<String, OrderLine> stored = new HashMap<>();

    TestIngest(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Publishes the changes of a file; returns the events published. */
    List<ChangeEvent<OrderLine>> importFile(OrderFile file) {
        List<ChangeEvent<OrderLine>> events = file.rows().stream().map(TestIngest::line).map(line -> {
            OrderLine before = stored.put(line.orderId() + "/" + line.lineKey(), line);
            return Objects.equals(before, line) ? null : new ChangeEvent<>(UUID.randomUUID().toString(),
                    ChangeEvent.SCHEMA_VERSION, line.orderId() + "/" + line.lineKey(), Instant.now(), before, line);
        }).filter(Objects::nonNull).toList();
        events.forEach(this::publish);
        producer.flush();
        return events;
    }

    void publish(ChangeEvent<OrderLine> event) {
        OrderLine line = event.after();
        producer.send(new ProducerRecord<>(Topics.ORDERS, line.userId() != null ? line.userId() : line.orderId(),
                JSON.writeValueAsBytes(event)));
    }

    void publishLog(String logId, LogLevel level, LogSource source, String message, Instant at) {
        SystemLog log = new SystemLog(logId, LogType.SYSTEM_ERROR, level, message, at, source);
        producer.send(new ProducerRecord<>(Topics.LOGS, logId, JSON.writeValueAsBytes(new ChangeEvent<>(
                UUID.randomUUID().toString(), ChangeEvent.SCHEMA_VERSION, logId, Instant.now(), null, log))));
    }

    private static OrderLine line(Map<String, String> row) {
        String user = blankToNull(row.get("user_id"));
        return new OrderLine(row.get("order_id"), row.get("line_key"), user, user == null,
                TIMESTAMPS.parse(row.get("created_at")), instant(row.get("paid_at")), row.get("product_id"),
                blankToNull(row.get("category")), Integer.parseInt(row.get("quantity")), null,
                new BigDecimal(row.get("amount").replace("¥", "").replace(",", "")), blankToNull(
                row.get("shipping_address")), null, null, null,
                OrderType.WORDS.lookup(row.get("order_type")).orElse(null),
                Channel.WORDS.lookup(row.get("channel")).orElse(null),
                OrderStatus.WORDS.lookup(row.get("status")).orElse(null),
                Flags.parse(row.get("cancelled")).orElse(false), blankToNull(row.get("remark")),
                instant(row.get("updated_at")));
    }

    private static Instant instant(String text) {
        return text == null || text.isBlank() ? null : TIMESTAMPS.parse(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
