package io.keliu.ingest.pipeline;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes a batch's messages only once its transaction has committed, and every one of them at least once: they are
 * written to {@code ingest.outbox} in that transaction, sent right after the commit, and deleted once Kafka has
 * acknowledged them. Whatever was not acknowledged (the process died, Kafka refused, the delete failed) stays in the
 * outbox, and the relay thread sends it again, oldest batch first. While the relay has such a backlog, and once at
 * startup, new batches leave their messages to it instead of sending them: so the messages of one record always go
 * out in the order its versions were committed (a later batch that shares rows with an earlier one commits after it,
 * and takes a later batch id).
 */
@Component
public class Outbox implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final long RETRY_MILLIS = 2_000;
    private static final long IDLE_MILLIS = 1_000;
    private static final int RELAY_ROWS = 4;

    private final DataSource dataSource;
    private final EventPublisher publisher;
    private final IngestHealth health;
    /** Held to commit a batch and hand its messages to the producer, so that they go out in commit order. */
    private final Object commitOrder = new Object();
    private boolean backlog = true;
    private volatile boolean running;
    private Thread relay;

    public Outbox(DataSource dataSource, EventPublisher publisher, IngestHealth health) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.health = health;
    }

    /** Writes the batch's messages in its transaction; returns their batch id. */
    long store(Connection connection, OutboxMessages messages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ingest.outbox (messages) VALUES (?) RETURNING batch_id")) {
            insert.setBytes(1, messages.stored());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /**
     * Commits the transaction, then publishes its messages (stored as {@code batchId}; none when empty) unless the
     * relay has a backlog. Returns once they are
     * acknowledged or left to the relay: a committed batch never fails here.
     *
     * @throws SQLException when the commit failed (it may still have committed: the relay looks)
     */
    void commitAndPublish(Connection connection, long batchId, OutboxMessages messages) throws SQLException {
        EventPublisher.Delivery delivery;
        synchronized (commitOrder) {
            try {
                connection.commit();
            } catch (SQLException e) {
                backlog = true;
                throw e;
            }
            if (backlog || messages.isEmpty()) {
                return;
            }
            try {
                delivery = publisher.send(messages.records());
            } catch (RuntimeException e) {
                leaveToRelay(e);
                return;
            }
        }
        try {
            delivery.await(health);
            delete(connection, List.of(batchId));
        } catch (RuntimeException | SQLException e) {
            leaveToRelay(e);
        }
    }

    private void leaveToRelay(Exception e) {
        log.warn("change events of a committed batch left to the outbox relay: {}", e.getMessage());
        synchronized (commitOrder) {
            backlog = true;
            commitOrder.notifyAll();
        }
    }

    private static void delete(Connection connection, List<Long> batchIds) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ingest.outbox WHERE batch_id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", batchIds.toArray()));
            delete.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    @Override
    public void start() {
        running = true;
        relay = Thread.ofPlatform().name("outbox-relay").start(this::relayUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        synchronized (commitOrder) {
            commitOrder.notifyAll();
        }
        try {
            relay.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The writers stop before the relay, so that it can still relay what they committed last. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void relayUntilStopped() {
        while (running) {
            try {
                if (hasBacklog()) {
                    relayBacklog();
                } else {
                    synchronized (commitOrder) {
                        commitOrder.wait(IDLE_MILLIS);
                    }
                }
                health.recovered("outbox");
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                health.failing("outbox", "cannot relay committed change events: " + e.getMessage());
                log.warn("outbox relay failed, retrying in {} s: {}", RETRY_MILLIS / 1000, e.getMessage());
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException stopping) {
                    return;
                }
            } catch (Error fatal) {
                health.failing("outbox", "the relay stopped: " + fatal + "; restart the service");
                throw fatal;
            }
        }
    }

    private boolean hasBacklog() {
        synchronized (commitOrder) {
            return backlog;
        }
    }

    /**
     * Sends what the outbox holds, oldest batch first, until it is empty; the last rows with commits held back, so
     * that no batch committed meanwhile is sent directly ahead of them.
     */
    private void relayBacklog() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            while (relayOldest(connection) > 0) {
                if (!running) {
                    return;
                }
            }
            synchronized (commitOrder) {
                while (relayOldest(connection) > 0) {
                    // commits wait meanwhile
                }
                backlog = false;
            }
        }
    }

    /** Sends, and once acknowledged deletes, the oldest few rows of the outbox; returns how many there were. */
    private int relayOldest(Connection connection) throws SQLException {
        List<Long> batchIds = new ArrayList<>(RELAY_ROWS);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT batch_id, messages FROM ingest.outbox ORDER BY batch_id LIMIT " + RELAY_ROWS);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                batchIds.add(rows.getLong(1));
                records.addAll(OutboxMessages.read(rows.getBytes(2)));
            }
        }
        if (!batchIds.isEmpty()) {
            publisher.send(records).await(health);
            delete(connection, batchIds);
            log.info("relayed {} messages of {} committed batches from the outbox", records.size(), batchIds.size());
        }
        return batchIds.size();
    }
}
