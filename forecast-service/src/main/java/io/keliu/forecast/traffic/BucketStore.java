package io.keliu.forecast.traffic;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies bucket changes to the traffic tables, one statement per table and batch. */
@Repository
class BucketStore {
    private final JdbcTemplate jdbc;

    BucketStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void apply(BucketDeltas deltas) {
        settleCustomers(deltas);
        addCounts(deltas);
    }

    /**
     * Adds each customer's order-count change and turns the customers whose count went from 0 to positive or back
     * into +1 / -1 customers of their bucket; rows that fall to 0 are removed.
     */
    private void settleCustomers(BucketDeltas deltas) {
        List<Map.Entry<BucketDeltas.CustomerKey, Integer>> changes = deltas.customerOrders.entrySet().stream()
                .filter(change -> change.getValue() != 0).toList();
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] granularities = new String[n];
        String[] dimensions = new String[n];
        String[] members = new String[n];
        Long[] starts = new Long[n];
        String[] users = new String[n];
        Integer[] amounts = new Integer[n];
        for (int i = 0; i < n; i++) {
            BucketDeltas.CustomerKey key = changes.get(i).getKey();
            granularities[i] = key.bucket().granularity().name();
            dimensions[i] = key.bucket().dimension().name();
            members[i] = key.bucket().member();
            starts[i] = key.bucket().bucketStart().getEpochSecond();
            users[i] = key.userId();
            amounts[i] = changes.get(i).getValue();
        }
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO forecast.traffic_customers AS c
                           (granularity, dimension, member, bucket_start, user_id, orders)
                    SELECT g, d, m, to_timestamp(s), u, o
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::int[]) AS x(g, d, m, s, u, o)
                    ON CONFLICT (granularity, dimension, bucket_start, member, user_id)
                        DO UPDATE SET orders = c.orders + excluded.orders
                    RETURNING new.granularity, new.dimension, new.member, new.bucket_start,
                              coalesce(old.orders, 0), new.orders""")) {
                statement.setArray(1, connection.createArrayOf("text", granularities));
                statement.setArray(2, connection.createArrayOf("text", dimensions));
                statement.setArray(3, connection.createArrayOf("text", members));
                statement.setArray(4, connection.createArrayOf("bigint", starts));
                statement.setArray(5, connection.createArrayOf("text", users));
                statement.setArray(6, connection.createArrayOf("int", amounts));
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        int before = rows.getInt(5);
                        int after = rows.getInt(6);
                        if ((before > 0) != (after > 0)) {
                            deltas.customerChange(new BucketDeltas.Key(Granularity.valueOf(rows.getString(1)),
                                    Dimension.valueOf(rows.getString(2)), rows.getString(3),
                                    rows.getTimestamp(4).toInstant()), after > 0 ? 1 : -1);
                        }
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM forecast.traffic_customers WHERE orders = 0 AND (granularity, dimension, member, "
                            + "bucket_start, user_id) IN (SELECT g, d, m, to_timestamp(s), u FROM unnest(?::text[], "
                            + "?::text[], ?::text[], ?::bigint[], ?::text[]) AS x(g, d, m, s, u))")) {
                statement.setArray(1, connection.createArrayOf("text", granularities));
                statement.setArray(2, connection.createArrayOf("text", dimensions));
                statement.setArray(3, connection.createArrayOf("text", members));
                statement.setArray(4, connection.createArrayOf("bigint", starts));
                statement.setArray(5, connection.createArrayOf("text", users));
                statement.executeUpdate();
            }
            return null;
        });
    }

    private void addCounts(BucketDeltas deltas) {
        List<Map.Entry<BucketDeltas.Key, BucketDeltas.Counts>> changes = deltas.counts.entrySet().stream()
                .filter(change -> !change.getValue().isZero()).toList();
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] granularities = new String[n];
        String[] dimensions = new String[n];
        String[] members = new String[n];
        Long[] starts = new Long[n];
        Long[] orders = new Long[n];
        Long[] lines = new Long[n];
        Long[] customers = new Long[n];
        Long[] anonymous = new Long[n];
        BigDecimal[] revenue = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            BucketDeltas.Key key = changes.get(i).getKey();
            BucketDeltas.Counts counts = changes.get(i).getValue();
            granularities[i] = key.granularity().name();
            dimensions[i] = key.dimension().name();
            members[i] = key.member();
            Instant start = key.bucketStart();
            starts[i] = start.getEpochSecond();
            orders[i] = counts.orders;
            lines[i] = counts.lines;
            customers[i] = counts.customers;
            anonymous[i] = counts.anonymousOrders;
            revenue[i] = counts.revenue;
        }
        jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO forecast.traffic AS t (granularity, dimension, member, bucket_start, orders, lines,
                                                      customers, anonymous_orders, revenue)
                    SELECT g, d, m, to_timestamp(s), o, l, c, a, r
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                                ?::bigint[], ?::numeric[]) AS x(g, d, m, s, o, l, c, a, r)
                    ON CONFLICT (granularity, dimension, bucket_start, member) DO UPDATE SET
                        orders = t.orders + excluded.orders, lines = t.lines + excluded.lines,
                        customers = t.customers + excluded.customers,
                        anonymous_orders = t.anonymous_orders + excluded.anonymous_orders,
                        revenue = t.revenue + excluded.revenue""")) {
                statement.setArray(1, connection.createArrayOf("text", granularities));
                statement.setArray(2, connection.createArrayOf("text", dimensions));
                statement.setArray(3, connection.createArrayOf("text", members));
                statement.setArray(4, connection.createArrayOf("bigint", starts));
                statement.setArray(5, connection.createArrayOf("bigint", orders));
                statement.setArray(6, connection.createArrayOf("bigint", lines));
                statement.setArray(7, connection.createArrayOf("bigint", customers));
                statement.setArray(8, connection.createArrayOf("bigint", anonymous));
                statement.setArray(9, connection.createArrayOf("numeric", revenue));
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** Adds visit changes to their buckets. */
    void addVisits(Map<BucketDeltas.Key, Long> changes) {
        jdbc.batchUpdate("""
                        INSERT INTO forecast.visits AS v (granularity, dimension, member, bucket_start, visits)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (granularity, dimension, bucket_start, member)
                            DO UPDATE SET visits = v.visits + excluded.visits""",
                changes.entrySet().stream().map(change -> new Object[]{change.getKey().granularity().name(),
                        change.getKey().dimension().name(), change.getKey().member(),
                        Timestamp.from(change.getKey().bucketStart()), change.getValue()}).toList());
    }

    /** Drops buckets older than their granularity's retention. */
    int prune(Granularity granularity, Instant before) {
        int dropped = 0;
        for (String table : List.of("traffic_customers", "traffic", "visits")) {
            dropped += jdbc.update("DELETE FROM forecast." + table + " WHERE granularity = ? AND bucket_start < ?",
                    granularity.name(), Timestamp.from(before));
        }
        return dropped;
    }
}
