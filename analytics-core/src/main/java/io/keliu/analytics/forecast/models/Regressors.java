package io.keliu.analytics.forecast.models;

import io.keliu.analytics.io.CsvTable;
import io.keliu.analytics.io.DataFormatException;

import java.io.Reader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * External daily regressors such as temperature or rainfall, read from a CSV {@code date,col1,col2,...}. Forecast
 * dates need values too (a weather forecast), so a missing future date is an error rather than a guess.
 */
public final class Regressors {
    private final List<String> names;
    private final Map<LocalDate, double[]> valuesByDate;

    private Regressors(List<String> names, Map<LocalDate, double[]> valuesByDate) {
        this.names = List.copyOf(names);
        this.valuesByDate = Map.copyOf(valuesByDate);
    }

    public static Regressors none() {
        return new Regressors(List.of(), Map.of());
    }

    public static Regressors of(List<String> names, Map<LocalDate, double[]> valuesByDate) {
        return new Regressors(names, valuesByDate);
    }

    public static Regressors fromCsv(Reader reader, String source) {
        CsvTable table = CsvTable.parse(reader, source, CsvTable.Comments.HASH_LINES).requireRows();
        int dateColumn = table.column("date");
        List<String> names = table.header().stream().filter(column -> !column.equalsIgnoreCase("date")).toList();
        if (names.isEmpty()) {
            throw new DataFormatException(source + ": no regressor columns besides 'date'");
        }
        int[] columns = names.stream().mapToInt(table::column).toArray();
        Map<LocalDate, double[]> values = new HashMap<>();
        for (int row = 0; row < table.size(); row++) {
            double[] rowValues = new double[columns.length];
            for (int j = 0; j < columns.length; j++) {
                rowValues[j] = table.numberOrMissing(row, columns[j]);
            }
            values.put(table.date(row, dateColumn), rowValues);
        }
        return new Regressors(names, values);
    }

    public List<String> names() {
        return names;
    }

    public int count() {
        return names.size();
    }

    /** The values on a date, or {@code null} when the file has no complete row for it. */
    double[] valuesOn(LocalDate date) {
        if (names.isEmpty()) {
            return new double[0];
        }
        double[] values = valuesByDate.get(date);
        if (values == null) {
            return null;
        }
        for (double value : values) {
            if (Double.isNaN(value)) {
                return null;
            }
        }
        return values;
    }

    double[] requireValuesOn(LocalDate date) {
        double[] values = valuesOn(date);
        if (values == null) {
            throw new DataFormatException("regressors have no complete row for forecast date " + date);
        }
        return values;
    }
}
