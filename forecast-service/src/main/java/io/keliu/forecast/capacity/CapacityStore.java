package io.keliu.forecast.capacity;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.Map;
import java.util.TreeMap;

/** Daily order capacity per region ("total" or a province), replaced whole by each PUT. */
@Repository
public class CapacityStore {
    private final JdbcTemplate jdbc;

    CapacityStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> all() {
        Map<String, Integer> capacity = new TreeMap<>();
        jdbc.query("SELECT region, orders FROM forecast.capacity", row -> {
            capacity.put(row.getString(1), row.getInt(2));
        });
        return capacity;
    }

    @Transactional
    public void replace(Map<String, Integer> capacity) {
        jdbc.update("DELETE FROM forecast.capacity");
        jdbc.batchUpdate("INSERT INTO forecast.capacity (region, orders) VALUES (?, ?)",
                capacity.entrySet().stream().map(e -> new Object[]{e.getKey(), e.getValue()}).toList());
    }
}
