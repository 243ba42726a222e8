package io.keliu.profile.customers;

import io.keliu.contracts.v1.UserProfile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    public void upsertLines(Map<LineKey, StoredLine> lines) {
        List<Map.Entry<LineKey, StoredLine>> rows = List.copyOf(lines.entrySet());
        jdbcTemplate.batchUpdate("""
                INSERT INTO profiles.order_lines (order_id, line_key, user_id, created_at, net_amount, net_quantity,
                    category, channel, order_type, shipping_address, province, city)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id, line_key) DO UPDATE SET user_id = excluded.user_id,
                    created_at = excluded.created_at, net_amount = excluded.net_amount,
                    net_quantity = excluded.net_quantity, category = excluded.category, channel = excluded.channel,
                    order_type = excluded.order_type, shipping_address = excluded.shipping_address,
                    province = excluded.province, city = excluded.city""", rows, 1000, (ps, row) -> {
            StoredLine line = row.getValue();
            ps.setString(1, row.getKey().orderId());
            ps.setString(2, row.getKey().lineKey());
            ps.setString(3, line.userId());
            ps.setTimestamp(4, Timestamp.from(line.createdAt()));
            ps.setBigDecimal(5, line.netAmount());
            ps.setInt(6, line.netQuantity());
            ps.setString(7, line.category());
            ps.setString(8, line.channel());
            ps.setString(9, line.orderType());
            ps.setString(10, line.shippingAddress());
            ps.setString(11, line.province());
            ps.setString(12, line.city());
        });
    }

    public void deleteLines(Collection<LineKey> keys) {
        jdbcTemplate.batchUpdate("DELETE FROM profiles.order_lines WHERE order_id = ? AND line_key = ?",
                List.copyOf(keys), 1000, (ps, key) -> {
                    ps.setString(1, key.orderId());
                    ps.setString(2, key.lineKey());
                });
    }

    /** The stored lines of each of the users (users without lines are absent). */
    public Map<String, List<StoredLine>> linesOf(Collection<String> users) {
        Map<String, List<StoredLine>> lines = new HashMap<>();
        jdbc.sql("""
                        SELECT order_id, user_id, created_at, net_amount, net_quantity, category, channel, order_type,
                               shipping_address, province, city
                        FROM profiles.order_lines WHERE user_id = ANY(?)""")
                .param(users.toArray(String[]::new))
                .query(rs -> {
                    StoredLine line = new StoredLine(rs.getString(1), rs.getString(2),
                            rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4), rs.getInt(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
                    lines.computeIfAbsent(line.userId(), u -> new ArrayList<>()).add(line);
                });
        return lines;
    }

    /** Creates missing customers and replaces their facts and stages. */
    public void writeFacts(Map<String, Facts> facts, Map<String, LifecycleStage> stages) {
        List<Map.Entry<String, Facts>> rows = List.copyOf(facts.entrySet());
        jdbcTemplate.batchUpdate("""
                INSERT INTO profiles.customers (user_id, orders, purchases, frequency, monetary_total, units,
                    mean_repeat_spend, first_purchase_on, last_purchase_on, previous_purchase_on, previous_gap_days,
                    preferred_channel, preferred_order_type, top_categories, active_hours, address, province, city,
                    lifecycle, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
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
                    lifecycle = excluded.lifecycle, updated_at = now()""", rows, 1000, (ps, row) -> {
            Facts f = row.getValue();
            ps.setString(1, row.getKey());
            ps.setInt(2, f.orders());
            ps.setInt(3, f.purchases());
            ps.setInt(4, f.frequency());
            ps.setBigDecimal(5, f.monetaryTotal());
            ps.setInt(6, f.units());
            ps.setDouble(7, f.meanRepeatSpend());
            ps.setDate(8, date(f.firstPurchase()));
            ps.setDate(9, date(f.lastPurchase()));
            ps.setDate(10, date(f.previousPurchase()));
            ps.setObject(11, f.previousGapDays());
            ps.setString(12, f.preferredChannel());
            ps.setString(13, f.preferredOrderType());
            ps.setArray(14, array(ps, "text", f.topCategories().toArray()));
            ps.setArray(15, array(ps, "integer", f.activeHours().toArray()));
            ps.setString(16, f.address());
            ps.setString(17, f.province());
            ps.setString(18, f.city());
            ps.setString(19, stages.get(row.getKey()).name());
        });
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

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Array array(PreparedStatement ps, String type, Object[] values) throws SQLException {
        return ps.getConnection().createArrayOf(type, values);
    }
}
