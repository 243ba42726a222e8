package io.keliu.forecast.forecasts;

import io.keliu.analytics.forecast.models.Regressors;
import io.keliu.contracts.v1.CsvFields;
import io.keliu.contracts.v1.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A regressor upload, CSV {@code date,name,value} (e.g. {@code 2026-06-18,promotion,1}): every name needs a number
 * on every day from its first to its last date. Parsing collects every problem with its line.
 */
public record RegressorFile(Map<String, TreeMap<LocalDate, Double>> valuesByName) {

    public static RegressorFile parse(String text, List<FieldError> errors) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !CsvFields.split(lines.getFirst().strip()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().equals(List.of("date", "name", "value"))) {
            errors.add(new FieldError(1, "header", "the first line must be the header date,name,value"));
            return new RegressorFile(Map.of());
        }
        Map<String, TreeMap<LocalDate, Double>> values = new TreeMap<>();
        Map<String, Map<LocalDate, Integer>> lineOf = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> fields = CsvFields.split(lines.get(i));
            if (fields.size() != 3) {
                errors.add(new FieldError(line, "line", "has " + fields.size() + " fields, expected 3 (date,name,value)"));
                continue;
            }
            LocalDate date = date(fields.get(0).strip(), line, errors);
            String name = fields.get(1).strip();
            Double value = number(fields.get(2).strip(), line, errors);
            if (name.isEmpty()) {
                errors.add(new FieldError(line, "name", "is empty"));
            } else if (date != null && value != null) {
                if (values.computeIfAbsent(name, any -> new TreeMap<>()).put(date, value) != null) {
                    errors.add(new FieldError(line, "date", name + " already has a value for " + date));
                }
                lineOf.computeIfAbsent(name, any -> new HashMap<>()).put(date, line);
            }
        }
        values.forEach((name, series) -> reportGaps(name, series, lineOf.get(name), errors));
        if (values.isEmpty() && errors.isEmpty()) {
            errors.add(new FieldError(2, "line", "the file has no values"));
        }
        return new RegressorFile(values);
    }

    private static void reportGaps(String name, TreeMap<LocalDate, Double> series, Map<LocalDate, Integer> lines,
                                   List<FieldError> errors) {
        LocalDate previous = null;
        for (LocalDate date : series.keySet()) {
            if (previous != null && !date.equals(previous.plusDays(1))) {
                errors.add(new FieldError(lines.get(date), "date", name + " has no value for " + previous.plusDays(1)
                        + (date.minusDays(1).equals(previous.plusDays(1)) ? "" : " to " + date.minusDays(1))
                        + "; give a value for every day from its first to its last date"));
            }
            previous = date;
        }
    }

    private static LocalDate date(String text, int line, List<FieldError> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(line, "date", "'" + text + "' is not a date YYYY-MM-DD"));
            return null;
        }
    }

    private static Double number(String text, int line, List<FieldError> errors) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(line, "value", "'" + text + "' is not a number"));
        return null;
    }

    /** For the models: one column per name; a day lacking any name's value is incomplete. */
    public Regressors toRegressors() {
        if (valuesByName.isEmpty()) {
            return Regressors.none();
        }
        List<String> names = new ArrayList<>(valuesByName.keySet());
        Map<LocalDate, double[]> rows = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            int column = j;
            valuesByName.get(names.get(j)).forEach((date, value) -> rows.computeIfAbsent(date, any -> {
                double[] row = new double[names.size()];
                java.util.Arrays.fill(row, Double.NaN);
                return row;
            })[column] = value);
        }
        return Regressors.of(names, rows);
    }
}
