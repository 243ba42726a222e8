package io.keliu.analytics.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A comma-separated file with a header line, read whole into memory. Quoted fields (RFC 4180, including doubled quotes
 * and line breaks inside quotes) are supported; blank lines are skipped, and so are comment lines starting with
 * {@code #} when the caller asks for {@link Comments#HASH_LINES}; rows whose fields are all blank are skipped too.
 * Records are split by {@link CsvRecords}, as the import splits them. Every row remembers the line it started on (counting
 * every line of the file), so that errors can say "file, line 17, column amount".
 *
 * @param source  what the table was read from, for error messages
 * @param header  column names, trimmed, a UTF-8 byte-order mark removed
 * @param rows    data rows; a row shorter than the header reads as blank in the missing columns
 * @param lines   the 1-based line on which each row starts
 */
public record CsvTable(String source, List<String> header, List<String[]> rows, int[] lines) {

    /** Whether the file may contain comment lines. */
    public enum Comments {
        /** Every non-blank line is data (a first field may legitimately start with '#', e.g. an order "#1001"). */
        NONE,
        /** Lines whose first non-blank character is '#' are skipped, as in hand-written series and calendar files. */
        HASH_LINES
    }

    /** Reads a UTF-8 file without comment lines. */
    public static CsvTable read(Path file) {
        return read(file, Comments.NONE);
    }

    public static CsvTable read(Path file, Comments comments) {
        return read(file, StandardCharsets.UTF_8, comments);
    }

    /** Reads a file in the given charset; a line that is not valid in it is an error naming the line. */
    public static CsvTable read(Path file, Charset charset, Comments comments) {
        try (TextLines lines = TextLines.open(file, charset)) {
            return parse(new CsvRecords(lines, comments), file.toString());
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
    }

    /** Parses text without comment lines. */
    public static CsvTable parse(String text, String source) {
        return parse(new StringReader(text), source, Comments.NONE);
    }

    /** Reads the whole of {@code reader} (the caller closes it); an I/O failure is an {@link UncheckedIOException}. */
    public static CsvTable parse(Reader reader, String source, Comments comments) {
        try {
            return parse(new CsvRecords(new BufferedReader(reader)::readLine, comments), source);
        } catch (IOException e) {
            throw cannotRead(source, e);
        }
    }

    private static UncheckedIOException cannotRead(String source, IOException e) {
        return new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }

    private static CsvTable parse(CsvRecords records, String source) throws IOException {
        try {
            CsvRecords.Record header = records.next();
            if (header == null) {
                throw new DataFormatException(source + ": empty file (no header line)");
            }
            List<String> names = header.fields().stream().map(name -> name.replace("\uFEFF", "").trim()).toList();
            List<String[]> rows = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            for (CsvRecords.Record row = records.next(); row != null; row = records.next()) {
                if (row.fields().stream().anyMatch(field -> !field.isBlank())) {
                    rows.add(row.fields().toArray(String[]::new));
                    lines.add(row.line());
                }
            }
            return new CsvTable(source, names, rows, lines.stream().mapToInt(Integer::intValue).toArray());
        } catch (CsvRecords.BadRecord e) {
            throw new DataFormatException(source + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return rows.size();
    }

    /** This table, or an error when it has a header but no data rows. */
    public CsvTable requireRows() {
        if (rows.isEmpty()) {
            throw new DataFormatException(source + ": no data rows (expected a header line and at least one row)");
        }
        return this;
    }

    /** The index of a column by name (case-insensitive); a clear error listing the available columns otherwise. */
    public int column(String name) {
        int index = optionalColumn(name);
        if (index < 0) {
            throw new DataFormatException(source + ": missing column '" + name + "' (columns: "
                    + String.join(", ", header.stream().filter(h -> !h.isEmpty()).toList()) + ")");
        }
        return index;
    }

    /** The index of a column by name (case-insensitive), or -1. */
    public int optionalColumn(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** A trimmed cell; blank when the row is shorter than the header or the column is absent (-1). */
    public String text(int row, int column) {
        String[] fields = rows.get(row);
        return column < 0 || column >= fields.length ? "" : fields[column].trim();
    }

    /** A trimmed cell that must not be blank. */
    public String requiredText(int row, int column) {
        String cell = text(row, column);
        if (cell.isEmpty()) {
            throw error(row, column, "empty value");
        }
        return cell;
    }

    /** A required number; the error names the line and the column. */
    public double number(int row, int column) {
        String cell = text(row, column);
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw error(row, column, "not a number: '" + cell + "'");
        }
    }

    /** A number, or NaN (missing) for a blank cell. */
    public double numberOrMissing(int row, int column) {
        return text(row, column).isEmpty() ? Double.NaN : number(row, column);
    }

    /** A required ISO date {@code 2024-05-01}. */
    public LocalDate date(int row, int column) {
        return temporal(row, column, LocalDate::parse, "date (expected YYYY-MM-DD)");
    }

    /** A required local date-time: {@code 2024-05-01T13:00}, {@code 2024-05-01 13:00}, or either with seconds. */
    public LocalDateTime timestamp(int row, int column) {
        return temporal(row, column, cell -> LocalDateTime.parse(cell.replace(' ', 'T')),
                "timestamp (expected YYYY-MM-DDTHH:MM)");
    }

    private <T> T temporal(int row, int column, Function<String, T> parser, String expected) {
        String cell = requiredText(row, column);
        try {
            return parser.apply(cell);
        } catch (DateTimeParseException e) {
            throw error(row, column, "not a " + expected + ": '" + cell + "'");
        }
    }

    /** "file, line 17, column amount": the place of a cell for error messages. */
    public String where(int row, int column) {
        return source + ", line " + lines[row] + ", column " + header.get(column);
    }

    /** An input error at a cell: "file, line 17, column amount: {@code problem}". */
    public DataFormatException error(int row, int column, String problem) {
        return new DataFormatException(where(row, column) + ": " + problem);
    }
}
