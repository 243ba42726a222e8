package io.keliu.ingest.imports;

import io.keliu.contracts.v1.CsvFields;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a UTF-8 record into its fields as {@link CsvFields#split} splits its text, but on the bytes: commas and
 * quotes are single bytes that never occur inside a multi-byte sequence, so each field is decoded on its own. A field
 * of ASCII then becomes a compact string straight from its bytes, instead of the whole line being decoded to UTF-16
 * (one CJK character is enough for that) and every field copied out of it. Invalid bytes decode to U+FFFD, as in
 * {@code new String(bytes, UTF_8)}; the caller reads such a line strictly instead.
 */
final class Utf8CsvFields {
    private Utf8CsvFields() {
    }

    /** The fields of {@code record}; null when it ends inside a quoted field. */
    static List<String> split(byte[] record) {
        List<String> fields = new ArrayList<>(24);
        Field field = new Field(record);
        int from = 0; // where the part of the field not yet taken starts
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < record.length; i++) {
            byte b = record[i];
            if (quoted) {
                if (b == '"' && i + 1 < record.length && record[i + 1] == '"') {
                    field.take(from, i + 1); // one of the two quotes
                    from = ++i + 1;
                } else if (b == '"') {
                    field.take(from, i);
                    from = i + 1;
                    quoted = false;
                }
            } else if (b == ',') {
                field.take(from, i);
                fields.add(field.end());
                from = i + 1;
                fieldStart = true;
                continue;
            } else if (b == '"' && fieldStart) {
                from = i + 1;
                quoted = true;
            }
            fieldStart = false;
        }
        if (quoted) {
            return null;
        }
        field.take(from, record.length);
        fields.add(field.end());
        return fields;
    }

    /** A field taken from the record in pieces (quotes are left out): most fields are one piece and need no copy. */
    private static final class Field {
        private final byte[] record;
        private int pieceFrom = -1;
        private int pieceTo;
        private byte[] pieces;
        private int piecesLength;

        Field(byte[] record) {
            this.record = record;
        }

        void take(int from, int to) {
            if (from == to) {
                return;
            }
            if (pieceFrom < 0 && pieces == null) {
                pieceFrom = from;
                pieceTo = to;
                return;
            }
            if (pieces == null) {
                pieces = Arrays.copyOfRange(record, pieceFrom, pieceTo + (to - from));
                piecesLength = pieceTo - pieceFrom;
                pieceFrom = -1;
            } else if (piecesLength + to - from > pieces.length) {
                pieces = Arrays.copyOf(pieces, Math.max(pieces.length * 2, piecesLength + to - from));
            }
            System.arraycopy(record, from, pieces, piecesLength, to - from);
            piecesLength += to - from;
        }

        String end() {
            String value = pieces != null ? new String(pieces, 0, piecesLength, StandardCharsets.UTF_8)
                    : pieceFrom >= 0 ? new String(record, pieceFrom, pieceTo - pieceFrom, StandardCharsets.UTF_8)
                    : "";
            pieceFrom = -1;
            pieces = null;
            return value;
        }
    }
}
