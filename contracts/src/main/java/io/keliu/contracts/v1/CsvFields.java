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
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append(c);
            }
            fieldStart = false;
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
