package io.keliu.ingest.store;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.ingest.store.UpsertStore.Change;
import io.keliu.ingest.store.UpsertStore.StagedRow;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch whose keys the table did not hold when it looked is copied straight into the table; when another transaction
 * stores one of those keys meanwhile, the copy fails on it, and the batch must still be stored, the staging way: the
 * new line inserted, the taken one updated with the other transaction's version as its "before".
 */
@KeliuIntegrationTest
class KeyTakenMeanwhileTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    IngestKind<OrderLine> ordersKind;

    @Test
    void aKeyStoredMeanwhileSendsTheBatchTheStagingWay() throws Exception {
        UpsertStore<OrderLine> store = ordersKind.store();
        String order = "TAKEN-" + UUID.randomUUID();
        OrderLine other = line(order, "B", 1);
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            store.upsert(first, List.of(staged(store, other)));
            int secondPid = second.unwrap(PGConnection.class).getBackendPID();
            CompletableFuture<List<Change<OrderLine, Row>>> writing = CompletableFuture.supplyAsync(() -> {
                try {
                    return store.upsert(second, List.of(staged(store, line(order, "A", 1)),
                            staged(store, line(order, "B", 2))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> waitsForALock(secondPid)); // its copy met the key
            first.commit();
            List<Change<OrderLine, Row>> changes = writing.get(30, TimeUnit.SECONDS);
            second.commit();

            assertThat(changes).hasSize(2);
            for (Change<OrderLine, Row> change : changes) {
                if (change.after().identity().endsWith("B")) {
                    assertThat(change.before()).isEqualTo(other);
                } else {
                    assertThat(change.before()).isNull();
                }
            }
        }
        try (Connection check = dataSource.getConnection();
             PreparedStatement query = check.prepareStatement(
                     "SELECT line_key, quantity FROM ingest.order_lines WHERE order_id = ? ORDER BY line_key")) {
            query.setString(1, order);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1) + rows.getInt(2)).isEqualTo("A1");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1) + rows.getInt(2)).isEqualTo("B2");
                assertThat(rows.next()).isFalse();
            }
        }
    }

    private boolean waitsForALock(int pid) throws Exception {
        try (Connection look = dataSource.getConnection();
             PreparedStatement query = look.prepareStatement(
                     "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = ?")) {
            query.setInt(1, pid);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static Row staged(UpsertStore<OrderLine> store, OrderLine line) {
        CopyRow row = new CopyRow();
        store.spec().write(line, row);
        return new Row(store.spec().identity(line), row.end());
    }

    private static OrderLine line(String order, String product, int quantity) {
        return new OrderLine(order, product, "U-1", false, Instant.parse("2024-05-01T02:00:00Z"), null, product,
                null, quantity, null, new BigDecimal("10.00").multiply(BigDecimal.valueOf(quantity)), null, null,
                null, null, null, null, OrderStatus.PAID, false, null, null);
    }

    record Row(String identity, byte[] row) implements StagedRow {
    }
}
