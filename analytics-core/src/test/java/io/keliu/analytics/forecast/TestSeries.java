package io.keliu.analytics.forecast;

import io.keliu.analytics.forecast.series.DailySeries;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import java.util.TreeMap;

/** Series shipped with the tests, so they do not depend on any shared data directory. */
public final class TestSeries {
    private TestSeries() {
    }

    /** CDNOW sample: daily purchase counts, 1997-01-01 to 1998-06-30 (see the resource's header for the source). */
    public static DailySeries cdnowDailyPurchases() {
        var stream = Objects.requireNonNull(TestSeries.class.getResourceAsStream("cdnow-daily-purchases.csv"));
        CsvTable table = CsvTable.read(new InputStreamReader(stream, StandardCharsets.UTF_8), "cdnow");
        TreeMap<LocalDate, Double> values = new TreeMap<>();
        table.rows().forEach(row -> values.put(table.date(row, 0), table.numberOrMissing(row, 1)));
        return DailySeries.of(values);
    }
}
