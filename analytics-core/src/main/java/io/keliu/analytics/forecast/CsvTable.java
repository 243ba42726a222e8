package io.keliu.analytics.forecast;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small comma-separated table with a header row: blank lines and lines starting with '#' are skipped, and every
 * parse error names the source, the line number and the column so a user can fix the file.
 */
public final class CsvTable {
    private final String source;
    private final List<String> header;
    private final List<Row> rows;

    /** One data line; {@code lineNumber} counts from 1 over the whole file, comments included. */
    public record Row(int lineNumber, String[] fields) {
    }

    private CsvTable(String source, List<String> header, List<Row> rows) {
        this.source = source;
        this.header = header;
        this.rows = rows;
    }

    public static CsvTable read(Reader reader, String source) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            int lineNumber = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = Arrays.stream(trimmed.split(",", -1)).map(String::strip).toArray(String[]::new);
                if (header == null) {
                    header = List.of(fields);
                } else {
                    rows.add(new Row(lineNumber, fields));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null || rows.isEmpty()) {
            throw new ForecastInputException(source + ": no data rows (expected a header line and at least one row)");
        }
        return new CsvTable(source, header, rows);
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public int requireColumn(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new ForecastInputException(source + ": missing column '" + name + "' (header is " + header + ")");
        }
        return index;
    }

    public String text(Row row, int column) {
        if (column >= row.fields().length || row.fields()[column].isEmpty()) {
            throw error(row, "empty value in column '" + header.get(column) + "'");
        }
        return row.fields()[column];
    }

    /** An empty cell reads as NaN, i.e. missing; anything else must be a number. */
    public double numberOrMissing(Row row, int column) {
        if (column >= row.fields().length || row.fields()[column].isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(row.fields()[column]);
        } catch (NumberFormatException e) {
            throw error(row, "unparsable number '" + row.fields()[column] + "' in column '" + header.get(column) + "'");
        }
    }

    public LocalDate date(Row row, int column) {
        String text = text(row, column);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(row, "unparsable date '" + text + "' in column '" + header.get(column) + "' (expected YYYY-MM-DD)");
        }
    }

    /** Accepts {@code 2024-05-01T13:00}, {@code 2024-05-01 13:00} and the same with seconds. */
    public LocalDateTime timestamp(Row row, int column) {
        String text = text(row, column);
        try {
            return LocalDateTime.parse(text.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw error(row, "unparsable timestamp '" + text + "' in column '" + header.get(column)
                    + "' (expected YYYY-MM-DDTHH:MM)");
        }
    }

    public ForecastInputException error(Row row, String problem) {
        return new ForecastInputException(source + " line " + row.lineNumber() + ": " + problem);
    }
}
