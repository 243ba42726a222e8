package io.keliu.forecast.forecasts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A series' forecast as stored and served: daily points with 80 % and 95 % intervals and holiday markers, the
 * chosen model and its rolling-origin back-test (MASE; {@code naiveMase} is seasonal naive's on the same days).
 */
public record StoredForecast(String series, Instant computedAt, LocalDate historyFrom, LocalDate historyTo,
                             String model, String variant, Backtest backtest, List<Candidate> candidates,
                             List<Point> points) {

    /** Null fields: not measured (too little history to back-test). */
    public record Backtest(String basis, int origins, Double mase, Double smape, Double naiveMase, Double coverage80,
                           Double coverage95) {
    }

    public record Candidate(String model, Double backtestMase, String problem) {
    }

    public record Point(LocalDate date, double value, double lower80, double upper80, double lower95,
                       double upper95, List<String> holidays) {
    }

    public StoredForecast first(int days) {
        return new StoredForecast(series, computedAt, historyFrom, historyTo, model, variant, backtest, candidates,
                points.subList(0, Math.min(days, points.size())));
    }
}
