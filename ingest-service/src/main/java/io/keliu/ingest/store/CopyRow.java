package io.keliu.ingest.store;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Encodes rows for {@code COPY … (FORMAT csv)}: an unquoted empty field is NULL, a quoted one an empty string.
 * The text of each row also identifies its content (the change-event id is derived from it).
 */
public final class CopyRow {
    private final StringBuilder out;
    private int rowStart;
    private boolean firstField = true;

    public CopyRow(StringBuilder out) {
        this.out = out;
        this.rowStart = out.length();
    }

    public CopyRow text(String value) {
        separate();
        if (value != null) {
            quoted(value);
        }
        return this;
    }

    public CopyRow word(Enum<?> value) {
        return plain(value == null ? null : value.name());
    }

    public CopyRow instant(Instant value) {
        return plain(value == null ? null : value.toString());
    }

    public CopyRow decimal(BigDecimal value) {
        return plain(value == null ? null : value.toPlainString());
    }

    public CopyRow integer(Integer value) {
        return plain(value == null ? null : value.toString());
    }

    public CopyRow bool(boolean value) {
        return plain(value ? "t" : "f");
    }

    /** Ends the row and returns its text (without the line break). */
    public String end() {
        String row = out.substring(rowStart);
        out.append('\n');
        rowStart = out.length();
        firstField = true;
        return row;
    }

    private CopyRow plain(String value) {
        separate();
        if (value != null) {
            out.append(value);
        }
        return this;
    }

    private void separate() {
        if (!firstField) {
            out.append(',');
        }
        firstField = false;
    }

    private void quoted(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            if (c != '\0') {
                out.append(c);
            }
        }
        out.append('"');
    }
}
