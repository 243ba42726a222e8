package io.keliu.analytics.forecast;

import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.io.CsvTable;

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
        CsvTable table = CsvTable.parse(new InputStreamReader(stream, StandardCharsets.UTF_8), "cdnow",
                CsvTable.Comments.HASH_LINES);
        TreeMap<LocalDate, Double> values = new TreeMap<>();
        for (int row = 0; row < table.size(); row++) {
            values.put(table.date(row, 0), table.numberOrMissing(row, 1));
        }
        return DailySeries.of(values);
    }
}
