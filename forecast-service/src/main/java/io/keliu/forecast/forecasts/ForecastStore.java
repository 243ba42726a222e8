package io.keliu.forecast.forecasts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

@Repository
public class ForecastStore {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ForecastStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(StoredForecast forecast) {
        jdbc.update("""
                        INSERT INTO forecast.forecasts (series, computed_at, body) VALUES (?, ?, ?::jsonb)
                        ON CONFLICT (series) DO UPDATE SET computed_at = excluded.computed_at, body = excluded.body""",
                forecast.series(), Timestamp.from(forecast.computedAt()), json.writeValueAsString(forecast));
    }

    public Optional<StoredForecast> find(SeriesId series) {
        return jdbc.queryForList("SELECT body::text FROM forecast.forecasts WHERE series = ?", String.class,
                series.toString()).stream().findFirst().map(body -> json.readValue(body, StoredForecast.class));
    }

    public List<StoredForecast> all() {
        return jdbc.queryForList("SELECT body::text FROM forecast.forecasts ORDER BY series", String.class).stream()
                .map(body -> json.readValue(body, StoredForecast.class)).toList();
    }

    public List<String> seriesNames() {
        return jdbc.queryForList("SELECT series FROM forecast.forecasts ORDER BY series", String.class);
    }
}
