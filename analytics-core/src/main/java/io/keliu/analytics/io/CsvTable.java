package io.keliu.analytics.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A comma-separated file with a header line, read whole into memory. Quoted fields (RFC 4180, including doubled quotes
 * and line breaks inside quotes) are supported. Every row remembers the line it started on, so that errors can say
 * "line 17, column amount".
 *
 * @param source  what the table was read from, for error messages
 * @param header  column names, trimmed, a UTF-8 byte-order mark removed
 * @param rows    data rows; a row shorter than the header reads as blank in the missing columns
 * @param lines   the 1-based line on which each row starts
 */
public record CsvTable(String source, List<String> header, List<String[]> rows, int[] lines) {

    public static CsvTable read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static CsvTable parse(String text, String source) {
        try {
            return parse(new StringReader(text), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CsvTable parse(Reader reader, String source) throws IOException {
        RecordReader records = new RecordReader(new BufferedReader(reader));
        String[] header = records.next();
        if (header == null || isBlank(header)) {
            throw new DataFormatException(source + ": empty file (no header line)");
        }
        header[0] = header[0].replace("\uFEFF", "");
        List<String> names = Arrays.stream(header).map(String::trim).toList();
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int line = records.line(); ; line = records.line()) {
            String[] fields = records.next();
            if (fields == null) {
                break;
            }
            if (!isBlank(fields)) {
                rows.add(fields);
                lines.add(line);
            }
        }
        return new CsvTable(source, names, rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return rows.size();
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

    /** A required number; the error names the line and the column. */
    public double number(int row, int column) {
        String cell = text(row, column);
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DataFormatException(where(row, column) + ": not a number: '" + cell + "'");
        }
    }

    /** "file, line 17, column amount": the place of a cell for error messages. */
    public String where(int row, int column) {
        return source + ", line " + lines[row] + ", column " + header.get(column);
    }

    private static boolean isBlank(String[] fields) {
        return Arrays.stream(fields).allMatch(String::isBlank);
    }

    /** Splits the character stream into records, keeping quoted line breaks inside their field. */
    private static final class RecordReader {
        private final BufferedReader in;
        private int line = 1;

        RecordReader(BufferedReader in) {
            this.in = in;
        }

        int line() {
            return line;
        }

        String[] next() throws IOException {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            line++;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (quoted) {
                        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else if (c == '"') {
                            quoted = false;
                        } else {
                            field.append(c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else {
                        field.append(c);
                    }
                }
                String continuation = quoted ? in.readLine() : null;
                if (continuation == null) {
                    break;
                }
                line++;
                field.append('\n');
                text = continuation;
            }
            fields.add(field.toString());
            return fields.toArray(String[]::new);
        }
    }
}
