package io.keliu.forecast.forecasts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Repository
public class RegressorStore {
    private final JdbcTemplate jdbc;

    RegressorStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces every stored regressor with the file's. */
    @Transactional
    public void replace(RegressorFile file) {
        jdbc.update("DELETE FROM forecast.regressors");
        List<Object[]> rows = new ArrayList<>();
        file.valuesByName().forEach((name, values) -> values.forEach((day, value) ->
                rows.add(new Object[]{Date.valueOf(day), name, value})));
        jdbc.batchUpdate("INSERT INTO forecast.regressors (day, name, value) VALUES (?, ?, ?)", rows);
    }

    public RegressorFile load() {
        Map<String, TreeMap<java.time.LocalDate, Double>> values = new TreeMap<>();
        jdbc.query("SELECT name, day, value FROM forecast.regressors", row -> {
            values.computeIfAbsent(row.getString(1), any -> new TreeMap<>())
                    .put(row.getDate(2).toLocalDate(), row.getDouble(3));
        });
        return new RegressorFile(values);
    }
}
