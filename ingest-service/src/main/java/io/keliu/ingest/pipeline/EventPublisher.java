package io.keliu.ingest.pipeline;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.DeadLetter;
import io.keliu.contracts.v1.Topics;
import io.keliu.ingest.store.UpsertStore.Change;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes change events and dead letters. The pipeline sends them before it commits the database transaction and
 * waits for the broker's acknowledgement: a crash in between replays the batch, which yields the same changes with the
 * same event ids (derived from the stored row), so consumers that deduplicate by id see each change once.
 */
@Component
public class EventPublisher {
    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper json;
    private final Clock clock;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, ObjectMapper json, Clock clock) {
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    public <T> List<CompletableFuture<?>> publishChanges(IngestKind<T> kind, List<Change<T>> changes) {
        List<CompletableFuture<?>> sent = new ArrayList<>(changes.size());
        for (Change<T> change : changes) {
            String eventKey = kind.eventKey().apply(change.after());
            ChangeEvent<T> event = new ChangeEvent<>(eventId(kind, eventKey, change.row()),
                    ChangeEvent.SCHEMA_VERSION, eventKey, clock.instant(), change.before(), change.after());
            sent.add(kafka.send(kind.changeTopic(), kind.partitionKey().apply(change.after()),
                    json.writeValueAsBytes(event)));
        }
        return sent;
    }

    public List<CompletableFuture<?>> publishDeadLetters(List<DeadLetter> letters) {
        List<CompletableFuture<?>> sent = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            sent.add(kafka.send(Topics.INGEST_DEAD_LETTER, letter.kind(), json.writeValueAsBytes(letter)));
        }
        return sent;
    }

    private static String eventId(IngestKind<?> kind, String eventKey, String storedRow) {
        byte[] identity = (kind.name() + '\u0000' + eventKey + '\u0000' + storedRow).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(identity).toString();
    }
}
