package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.DeadLetter;
import io.keliu.contracts.v1.Topics;
import io.keliu.ingest.pipeline.PreparedBatch.RenderedEvent;
import io.keliu.ingest.store.UpsertStore.Change;
import io.keliu.ingest.store.UpsertStore.Staged;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Renders and publishes change events ({@link ChangeEvent} JSON, docs/contracts.md) and dead letters. The "after" part
 * and the id of an event are rendered ahead, with the batch; only "before", known once the database has answered,
 * is rendered at publishing time and joined with them.
 * <p>
 * The pipeline publishes before it commits the database transaction and waits for the broker's acknowledgement: a
 * crash in between replays the batch, which yields the same changes with the same event ids (derived from the
 * stored row), so consumers that deduplicate by id see each change once.
 */
@Component
public class EventPublisher {
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /**
     * The event JSON of docs/contracts.md: Jackson's defaults, independent of the web layer's settings, with buffers
     * recycled per thread (events are rendered on the poller and the writer thread, tens of thousands a second).
     */
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.threadLocalPool()).build()).build();
    private final KafkaTemplate<String, byte[]> kafka;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    <T> RenderedEvent render(IngestKind<T> kind, Staged<T> staged) {
        String eventKey = kind.eventKey().apply(staged.record());
        byte[] identity = (kind.name() + '\u0000' + eventKey + '\u0000' + staged.row())
                .getBytes(StandardCharsets.UTF_8);
        return new RenderedEvent(UUID.nameUUIDFromBytes(identity).toString(), eventKey,
                json.writeValueAsBytes(staged.record()));
    }

    <T> List<CompletableFuture<?>> publishChanges(PreparedBatch<T> batch, List<Change<T>> changes) {
        List<CompletableFuture<?>> sent = new ArrayList<>(changes.size());
        String occurredAt = json.writeValueAsString(batch.preparedAt());
        for (Change<T> change : changes) {
            RenderedEvent event = batch.events().get(change.after().identity());
            byte[] before = change.before() == null ? NULL : json.writeValueAsBytes(change.before());
            sent.add(kafka.send(batch.kind().changeTopic(), batch.kind().partitionKey().apply(change.after().record()),
                    envelope(event, occurredAt, before)));
        }
        return sent;
    }

    private byte[] envelope(RenderedEvent event, String occurredAt, byte[] before) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.afterJson().length + before.length + 160);
        out.writeBytes(("{\"eventId\":\"" + event.eventId() + "\",\"schemaVersion\":" + ChangeEvent.SCHEMA_VERSION
                + ",\"key\":" + json.writeValueAsString(event.eventKey()) + ",\"occurredAt\":" + occurredAt
                + ",\"before\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(before);
        out.writeBytes(",\"after\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(event.afterJson());
        out.write('}');
        return out.toByteArray();
    }

    List<CompletableFuture<?>> publishDeadLetters(List<DeadLetter> letters) {
        List<CompletableFuture<?>> sent = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            sent.add(kafka.send(Topics.INGEST_DEAD_LETTER, letter.kind(), json.writeValueAsBytes(letter)));
        }
        return sent;
    }
}
