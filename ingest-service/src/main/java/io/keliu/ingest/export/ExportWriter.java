package io.keliu.ingest.export;

import io.keliu.ingest.PlatformProperties;
import io.keliu.ingest.records.Decimals;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a table as CSV of the import format: a header, then one row per record in key order, read in pages by key
 * (each page starts after the last key of the one before, not at an offset, so a page costs the same anywhere in the
 * table and memory stays at one page). Timestamps are written with the platform zone's offset.
 */
@Component
class ExportWriter {
    private final JdbcTemplate jdbc;
    private final int pageSize;
    private final DateTimeFormatter timestamps;

    ExportWriter(JdbcTemplate jdbc, ExportProperties properties, PlatformProperties platform) {
        this.jdbc = jdbc;
        this.pageSize = properties.pageSize();
        this.timestamps = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(platform.zone());
    }

    void write(ExportTable table, Instant from, Instant to, OutputStream body) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16);
        writeRow(out, table.fields());
        Object[] lastKey = null;
        while (true) {
            List<Object> parameters = new ArrayList<>();
            if (lastKey != null) {
                parameters.addAll(List.of(lastKey));
            }
            if (from != null) {
                parameters.add(Timestamp.from(from));
            }
            if (to != null) {
                parameters.add(Timestamp.from(to));
            }
            String sql = table.pageQuery(lastKey == null, from != null, to != null, pageSize);
            Page page = new Page(table);
            try {
                jdbc.query(sql, (RowCallbackHandler) row -> page.add(row, out), parameters.toArray());
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the client went away
            }
            if (page.rows < pageSize) {
                break;
            }
            lastKey = page.lastKey;
        }
        out.flush();
    }

    /** Writes the rows of one page as they arrive and remembers the last key. */
    private final class Page {
        private final ExportTable table;
        int rows;
        Object[] lastKey;

        Page(ExportTable table) {
            this.table = table;
        }

        void add(ResultSet row, Writer out) throws SQLException {
            int columns = table.columns().size();
            List<String> values = new ArrayList<>(columns);
            for (int c = 1; c <= columns; c++) {
                values.add(text(row.getObject(c)));
            }
            lastKey = new Object[table.keyColumns().size()];
            for (int k = 0; k < lastKey.length; k++) {
                lastKey[k] = row.getObject(columns + 1 + k);
            }
            rows++;
            try {
                writeRow(out, values);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String text(Object value) {
        return switch (value) {
            case null -> "";
            case Timestamp timestamp -> timestamps.format(timestamp.toInstant());
            case BigDecimal decimal -> Decimals.canonical(decimal).toPlainString();
            default -> value.toString();
        };
    }

    /** One CSV record; a value with a comma, quote or line break is quoted (RFC 4180), as the import reads it. */
    static void writeRow(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String value = values.get(i);
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(value);
            }
        }
        out.write('\n');
    }
}
