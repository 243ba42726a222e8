package io.keliu.contracts.v1;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one record of the CSV import format into its fields, as RFC 4180 reads them: a field that starts with a quote
 * is quoted until the closing one, with {@code ""} standing for a quote inside it and commas and line breaks taken
 * literally; a quote anywhere else is an ordinary character ({@code 12" pizza}). Shared by ingest's imports and the
 * analytics CLI, so that both read the same file the same way.
 */
public final class CsvFields {
    private CsvFields() {
    }

    /**
     * The fields of {@code record}; null when it ends inside a quoted field, i.e. the record goes on after a line
     * break and the caller should split it again with the next line appended.
     */
    public static List<String> split(String record) {
        List<String> fields = new ArrayList<>(24);
        Field field = new Field(record);
        int from = 0; // where the part of the field not yet taken starts
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    field.take(from, i + 1); // one of the two quotes
                    from = ++i + 1;
                } else if (c == '"') {
                    field.take(from, i);
                    from = i + 1;
                    quoted = false;
                }
            } else if (c == ',') {
                field.take(from, i);
                fields.add(field.end());
                from = i + 1;
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                from = i + 1;
                quoted = true;
            }
            fieldStart = false;
        }
        if (quoted) {
            return null;
        }
        field.take(from, record.length());
        fields.add(field.end());
        return fields;
    }

    /**
     * A field taken from the record in pieces (quotes are left out): most fields are one piece, a substring of the
     * record, and need no builder.
     */
    private static final class Field {
        private final String record;
        private String piece;
        private StringBuilder pieces;

        Field(String record) {
            this.record = record;
        }

        void take(int from, int to) {
            if (from == to) {
                return;
            }
            if (piece == null && pieces == null) {
                piece = record.substring(from, to);
                return;
            }
            if (pieces == null) {
                pieces = new StringBuilder(piece);
                piece = null;
            }
            pieces.append(record, from, to);
        }

        String end() {
            String value = pieces != null ? pieces.toString() : piece != null ? piece : "";
            piece = null;
            pieces = null;
            return value;
        }
    }
}
