package io.keliu.profile.customers;

import io.keliu.contracts.v1.UserProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes the projection's tables: order lines, customers with their facts and profiles, activity. */
@Repository
public class CustomerStore {
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    public CustomerStore(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /** A line's identity: (order id, line key). */
    public record LineKey(String orderId, String lineKey) {
    }

    /**
     * Inserts or replaces the lines in one statement, their columns as arrays (one plan for every batch): timestamps
     * as ISO-8601 instants and amounts as decimal text, exact whatever the session's zone.
     */
    public void upsertLines(Map<LineKey, StoredLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<LineKey> keys = List.copyOf(lines.keySet());
        List<StoredLine> rows = keys.stream().map(lines::get).toList();
        jdbcTemplate.update("""
                INSERT INTO profiles.order_lines (order_id, line_key, user_id, created_at, net_amount, net_quantity,
                    category, channel, order_type, shipping_address, province, city)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::numeric[], ?::int[],
                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT (order_id, line_key) DO UPDATE SET user_id = excluded.user_id,
                    created_at = excluded.created_at, net_amount = excluded.net_amount,
                    net_quantity = excluded.net_quantity, category = excluded.category, channel = excluded.channel,
                    order_type = excluded.order_type, shipping_address = excluded.shipping_address,
                    province = excluded.province, city = excluded.city""",
                column(keys, LineKey::orderId), column(keys, LineKey::lineKey), column(rows, StoredLine::userId),
                column(rows, StoredLine::createdAt), column(rows, line -> line.netAmount().toPlainString()),
                rows.stream().map(StoredLine::netQuantity).toArray(Integer[]::new),
                column(rows, StoredLine::category), column(rows, StoredLine::channel),
                column(rows, StoredLine::orderType), column(rows, StoredLine::shippingAddress),
                column(rows, StoredLine::province), column(rows, StoredLine::city));
    }

    public void deleteLines(Collection<LineKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<LineKey> rows = List.copyOf(keys);
        jdbcTemplate.update("""
                DELETE FROM profiles.order_lines WHERE (order_id, line_key) IN
                    (SELECT * FROM unnest(?::text[], ?::text[]))""",
                column(rows, LineKey::orderId), column(rows, LineKey::lineKey));
    }

    /** The stored lines of each of the users, by key, in the table's order (users without lines are absent). */
    public Map<String, Map<LineKey, StoredLine>> linesOf(Collection<String> users) {
        Map<String, Map<LineKey, StoredLine>> lines = new HashMap<>();
        if (users.isEmpty()) {
            return lines;
        }
        jdbc.sql("""
                        SELECT order_id, user_id, created_at, net_amount, net_quantity, category, channel, order_type,
                               shipping_address, province, city, line_key
                        FROM profiles.order_lines WHERE user_id = ANY(?)""")
                .param(users.toArray(String[]::new))
                .query(rs -> {
                    StoredLine line = new StoredLine(rs.getString(1), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4), rs.getInt(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
                    lines.computeIfAbsent(line.userId(), u -> new LinkedHashMap<>())
                            .put(new LineKey(line.orderId(), rs.getString(12)), line);
                });
        return lines;
    }

    /**
     * Creates missing customers and replaces their facts and stages, in one statement whose columns are arrays; the
     * top categories and active hours (at most three each) go as three columns each, nulls where there are fewer.
     */
    public void writeFacts(Map<String, Facts> facts, Map<String, LifecycleStage> stages) {
        if (facts.isEmpty()) {
            return;
        }
        List<String> users = List.copyOf(facts.keySet());
        List<Facts> rows = users.stream().map(facts::get).toList();
        jdbcTemplate.update("""
                INSERT INTO profiles.customers (user_id, orders, purchases, frequency, monetary_total, units,
                    mean_repeat_spend, first_purchase_on, last_purchase_on, previous_purchase_on, previous_gap_days,
                    preferred_channel, preferred_order_type, top_categories, active_hours, address, province, city,
                    lifecycle, updated_at)
                SELECT u, o, p, f, m, n, s, fp, lp, pp, g, ch, ot, array_remove(ARRAY[c1, c2, c3], NULL),
                    array_remove(ARRAY[h1, h2, h3], NULL), a, pr, ci, lc, now()
                FROM unnest(?::text[], ?::int[], ?::int[], ?::int[], ?::numeric[], ?::int[], ?::float8[], ?::date[],
                    ?::date[], ?::date[], ?::float8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::int[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS f(u, o, p, f, m, n, s, fp, lp, pp, g, ch, ot, c1, c2, c3, h1, h2, h3, a, pr, ci, lc)
                ON CONFLICT (user_id) DO UPDATE SET orders = excluded.orders, purchases = excluded.purchases,
                    frequency = excluded.frequency, monetary_total = excluded.monetary_total, units = excluded.units,
                    mean_repeat_spend = excluded.mean_repeat_spend, first_purchase_on = excluded.first_purchase_on,
                    last_purchase_on = excluded.last_purchase_on, previous_purchase_on = excluded.previous_purchase_on,
                    previous_gap_days = excluded.previous_gap_days, preferred_channel = excluded.preferred_channel,
                    preferred_order_type = excluded.preferred_order_type, top_categories = excluded.top_categories,
                    active_hours = excluded.active_hours, address = excluded.address,
                    province = CASE WHEN customers.has_profile AND customers.province IS NOT NULL
                                    THEN customers.province ELSE excluded.province END,
                    city = CASE WHEN customers.has_profile AND customers.city IS NOT NULL
                                THEN customers.city ELSE excluded.city END,
                    lifecycle = excluded.lifecycle, updated_at = now()""",
                users.toArray(String[]::new), ints(rows, Facts::orders), ints(rows, Facts::purchases),
                ints(rows, Facts::frequency), column(rows, f -> f.monetaryTotal().toPlainString()),
                ints(rows, Facts::units), rows.stream().map(Facts::meanRepeatSpend).toArray(Double[]::new),
                column(rows, Facts::firstPurchase), column(rows, Facts::lastPurchase),
                column(rows, Facts::previousPurchase), rows.stream().map(Facts::previousGapDays).toArray(Double[]::new),
                column(rows, Facts::preferredChannel), column(rows, Facts::preferredOrderType),
                column(rows, f -> nth(f.topCategories(), 0)), column(rows, f -> nth(f.topCategories(), 1)),
                column(rows, f -> nth(f.topCategories(), 2)), ints(rows, f -> nth(f.activeHours(), 0)),
                ints(rows, f -> nth(f.activeHours(), 1)), ints(rows, f -> nth(f.activeHours(), 2)),
                column(rows, Facts::address), column(rows, Facts::province), column(rows, Facts::city),
                column(users, user -> stages.get(user).name()));
    }

    private static <T> T nth(List<T> values, int index) {
        return index < values.size() ? values.get(index) : null;
    }

    /** One column of the rows as text (ISO-8601 for instants and days), nulls kept. */
    private static <R> String[] column(List<R> rows, Function<R, ?> value) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            Object v = value.apply(rows.get(i));
            column[i] = v == null ? null : v.toString();
        }
        return column;
    }

    private static <R> Integer[] ints(List<R> rows, Function<R, Integer> value) {
        Integer[] column = new Integer[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    /** Creates or updates customers from profiles; a profile's province and city win over those of orders. */
    public void upsertProfiles(Collection<UserProfile> profiles) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO profiles.customers (user_id, has_profile, registered_at, activated_at, last_login_at, age,
                    gender, marital_status, occupation, industry, city, province, updated_at)
                VALUES (?, true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
                ON CONFLICT (user_id) DO UPDATE SET has_profile = true, registered_at = excluded.registered_at,
                    activated_at = excluded.activated_at, last_login_at = excluded.last_login_at, age = excluded.age,
                    gender = excluded.gender, marital_status = excluded.marital_status,
                    occupation = excluded.occupation, industry = excluded.industry,
                    city = coalesce(excluded.city, customers.city),
                    province = coalesce(excluded.province, customers.province), updated_at = now()""",
                List.copyOf(profiles), 1000, (ps, p) -> {
                    ps.setString(1, p.userId());
                    ps.setTimestamp(2, timestamp(p.registeredAt()));
                    ps.setTimestamp(3, timestamp(p.activatedAt()));
                    ps.setTimestamp(4, timestamp(p.lastLoginAt()));
                    ps.setObject(5, p.age());
                    ps.setString(6, p.gender() == null ? null : p.gender().name());
                    ps.setString(7, p.maritalStatus() == null ? null : p.maritalStatus().name());
                    ps.setString(8, p.occupation());
                    ps.setString(9, p.industry());
                    ps.setString(10, p.city());
                    ps.setString(11, p.province());
                });
    }

    /** A log line's activity: one more action (or error) of the user, seen at that time. */
    public record Activity(String userId, Instant at, boolean error) {
    }

    /** Adds the log lines' activity, one row per user (a multi-row upsert may touch a row only once). */
    public void addActivity(Collection<Activity> activities) {
        Map<String, ActivityTotal> totals = new LinkedHashMap<>();
        activities.forEach(a -> totals.merge(a.userId(), new ActivityTotal(a.at(), 1, a.error() ? 1 : 0),
                ActivityTotal::plus));
        jdbcTemplate.batchUpdate("""
                INSERT INTO profiles.activity (user_id, last_seen_at, actions, errors) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET last_seen_at = greatest(activity.last_seen_at, excluded.last_seen_at),
                    actions = activity.actions + excluded.actions, errors = activity.errors + excluded.errors""",
                List.copyOf(totals.entrySet()), 1000, (ps, total) -> {
                    ps.setString(1, total.getKey());
                    ps.setTimestamp(2, Timestamp.from(total.getValue().lastSeenAt()));
                    ps.setInt(3, total.getValue().actions());
                    ps.setInt(4, total.getValue().errors());
                });
    }

    private record ActivityTotal(Instant lastSeenAt, int actions, int errors) {
        ActivityTotal plus(ActivityTotal other) {
            return new ActivityTotal(lastSeenAt.isAfter(other.lastSeenAt) ? lastSeenAt : other.lastSeenAt,
                    actions + other.actions, errors + other.errors);
        }
    }

    public void truncateAll() {
        jdbc.sql("TRUNCATE profiles.order_lines, profiles.customers, profiles.activity").update();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
