package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.DeadLetter;
import io.keliu.contracts.v1.Topics;
import io.keliu.ingest.pipeline.PreparedBatch.PreparedRecord;
import io.keliu.ingest.store.UpsertStore.Change;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders and publishes change events ({@link ChangeEvent} JSON, docs/contracts.md) and dead letters. Each event is
 * rendered ahead, with the batch, as if its record were new; only the "before" of an update, known once the database
 * has answered, is rendered at publishing time and spliced in.
 * <p>
 * Messages are rendered before the batch's transaction commits, kept in the {@link Outbox} with it, and sent only
 * after the commit. An event id is derived from the stored row, so a change sent twice (a crash between the broker's
 * acknowledgement and the outbox's delete) carries the same id both times.
 */
@Component
public class EventPublisher implements DisposableBean {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    });
    private static final String HEX = "0123456789ABCDEF";
    private static final byte[] EVENT_ID = "{\"eventId\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCHEMA_VERSION_AND_KEY = ("\",\"schemaVersion\":" + ChangeEvent.SCHEMA_VERSION
            + ",\"key\":").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_AND_AFTER = "null,\"after\":".getBytes(StandardCharsets.US_ASCII);

    /**
     * The event JSON of docs/contracts.md: Jackson's defaults, independent of the web layer's settings, with buffers
     * recycled per thread (events are rendered on the thread that prepares a batch, the "before" of an update on a
     * writer thread, tens of thousands a second), and nothing between the events a batch's generator writes one
     * after the other.
     */
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).rootValueSeparator((String) null).build()).build();
    private final Producer<String, byte[]> producer;

    /**
     * A plain KafkaProducer with the platform's producer settings, not a template nor the factory's wrapper: one
     * callback per record instead of a future, and no per-record trace check of the wrapper (4 % of the writer's
     * time in the ingest benchmark).
     */
    public EventPublisher(ProducerFactory<String, byte[]> producers) {
        this.producer = new KafkaProducer<>(producers.getConfigurationProperties(), new StringSerializer(),
                new ByteArraySerializer());
    }

    @Override
    public void destroy() {
        producer.close();
    }

    /** Messages handed to the producer; {@link #await} returns once the broker has acknowledged them all. */
    final class Delivery implements Callback {
        private static final long REPORT_AFTER_MILLIS = 10_000;
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private int unacknowledged;

        private synchronized void sending() {
            unacknowledged++;
        }

        @Override
        public synchronized void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null) {
                failure.compareAndSet(null, exception);
            }
            unacknowledged--;
            notifyAll();
        }

        /**
         * Waits for every acknowledgement; reports Kafka as failing in {@code health} while it waits long. The producer
         * retries until its delivery timeout, then fails the messages, and this throws.
         */
        synchronized void await(IngestHealth health) {
            long started = System.currentTimeMillis();
            boolean reported = false;
            try {
                while (unacknowledged > 0) {
                    wait(REPORT_AFTER_MILLIS);
                    if (unacknowledged > 0) {
                        reported = true;
                        health.failing("kafka", "change events not acknowledged by Kafka for "
                                + (System.currentTimeMillis() - started) / 1000 + " s");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestFailure("stopped while waiting for Kafka", e);
            } finally {
                if (reported) {
                    health.recovered("kafka");
                }
            }
            if (failure.get() != null) {
                throw new IngestFailure("Kafka did not take the events: " + failure.get().getMessage(), failure.get());
            }
        }
    }

    /** Hands the messages to the producer, in this order. */
    Delivery send(List<ProducerRecord<String, byte[]>> records) {
        Delivery delivery = new Delivery();
        for (ProducerRecord<String, byte[]> record : records) {
            delivery.sending();
            producer.send(record, delivery);
        }
        return delivery;
    }

    /** Renders the change events of one batch prepared at {@code preparedAt}; close it when the batch is done. */
    EventRenderer renderer(Instant preparedAt) {
        return new EventRenderer(preparedAt);
    }

    /**
     * Renders a batch's events, each as if its record were new, into one buffer and with one JSON generator reused
     * for the whole batch: an event then costs one array of its exact size, not a stream, its copy and a generator.
     * A generator that failed halfway through a record is dropped, not reused.
     */
    final class EventRenderer implements AutoCloseable {
        private final EventBuffer buffer = new EventBuffer();
        private final byte[] occurredAt;
        private JsonGenerator generator;

        private EventRenderer(Instant preparedAt) {
            this.occurredAt = (",\"occurredAt\":" + json.writeValueAsString(preparedAt) + ",\"before\":")
                    .getBytes(StandardCharsets.UTF_8);
        }

        /** The change event of {@code record} stored as {@code row}. */
        <T> PreparedEvent render(IngestKind<T> kind, T record, byte[] row) {
            String eventKey = kind.eventKey().apply(record);
            buffer.reset();
            buffer.write(EVENT_ID);
            buffer.write(eventId(kind.name(), eventKey, row).getBytes(StandardCharsets.US_ASCII));
            buffer.write(SCHEMA_VERSION_AND_KEY);
            buffer.write(quoted(eventKey).getBytes(StandardCharsets.UTF_8));
            buffer.write(occurredAt);
            int beforeAt = buffer.size();
            buffer.write(NULL_AND_AFTER);
            try {
                if (generator == null) {
                    generator = json.createGenerator(buffer);
                }
                json.writeValue(generator, record);
                generator.flush();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
            buffer.write('}');
            return new PreparedEvent(kind.partitionKey().apply(record), buffer.toByteArray(), beforeAt);
        }

        @Override
        public void close() {
            if (generator != null) {
                generator.close();
                generator = null;
            }
        }
    }

    /**
     * {@code text} as a JSON string, escaped as Jackson escapes it by default when writing UTF-8: quotes, backslashes,
     * control characters and half surrogate pairs. Done by hand because a generator made for one short string cost a
     * tenth of preparing a batch.
     */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (c < 0x20 || Character.isSurrogate(c) && !pair) {
                        // control characters, and half a surrogate pair (not encodable in UTF-8)
                        out.append("\\u").append(HEX.charAt(c >> 12)).append(HEX.charAt(c >> 8 & 0xf))
                                .append(HEX.charAt(c >> 4 & 0xf)).append(HEX.charAt(c & 0xf));
                    } else {
                        out.append(c);
                        if (pair) {
                            out.append(text.charAt(++i));
                        }
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * A name-based (version 3) UUID of the kind, the record's identity and its stored row: the same change always gets
     * the same id, as {@link UUID#nameUUIDFromBytes} would give for those bytes joined by NUL characters.
     */
    static String eventId(String kind, String eventKey, byte[] storedRow) {
        MessageDigest md5 = MD5.get();
        md5.update((kind + '\u0000' + eventKey + '\u0000').getBytes(StandardCharsets.UTF_8));
        byte[] hash = md5.digest(storedRow);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        return new UUID(ByteBuffer.wrap(hash, 0, 8).getLong(), ByteBuffer.wrap(hash, 8, 8).getLong()).toString();
    }

    /** The change events of {@code changes}, each with the "before" the database returned. */
    <T> void renderChanges(IngestKind<T> kind, List<Change<T, PreparedRecord>> changes, OutboxMessages out) {
        for (Change<T, PreparedRecord> change : changes) {
            PreparedEvent event = change.after().event();
            byte[] value = change.before() == null ? event.asNew()
                    : event.withBefore(json.writeValueAsBytes(change.before()));
            out.add(kind.changeTopic(), event.partitionKey(), value);
        }
    }

    void renderDeadLetters(List<DeadLetter> letters, OutboxMessages out) {
        for (DeadLetter letter : letters) {
            out.add(Topics.INGEST_DEAD_LETTER, letter.kind(), json.writeValueAsBytes(letter));
        }
    }
}
