package io.keliu.ingest.imports;

import io.keliu.contracts.v1.CsvFields;
import io.keliu.contracts.v1.FieldError;
import io.keliu.ingest.pipeline.FileKeys;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.ingest.records.FieldSet;
import io.keliu.ingest.records.JsonRecordDecoder;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.records.RawRecord;
import io.keliu.ingest.records.UnreadableRecord;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads an import file record by record and validates each one: every data line comes out exactly once, as an
 * accepted record or as a rejection naming its physical line. Only the header is needed up front.
 */
final class RecordReader<T> {
    private final IngestKind<T> kind;
    private final PhysicalRecords records;
    private final ImportFormat format;
    private static final char REPLACEMENT = '\uFFFD';

    private final CharsetDecoder decoder;
    private final boolean utf8;
    private final String origin;
    private final FileKeys<T> keys;
    private final int maxRecordBytes;
    private int[] fieldOfColumn;
    private List<String> ignoredColumns = List.of();

    RecordReader(IngestKind<T> kind, InputStream body, ImportFormat format, Charset charset, int maxRecordBytes,
                 String origin) throws IOException {
        this.kind = kind;
        this.format = format;
        this.origin = origin;
        this.keys = kind.fileKeys().get();
        this.maxRecordBytes = maxRecordBytes;
        this.records = new PhysicalRecords(body, format == ImportFormat.CSV, maxRecordBytes);
        this.utf8 = charset.equals(StandardCharsets.UTF_8);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        if (format == ImportFormat.CSV) {
            readHeader();
        }
    }

    List<String> ignoredColumns() {
        return ignoredColumns;
    }

    FileKeys<T> keys() {
        return keys;
    }

    private void readHeader() throws IOException {
        PhysicalRecords.Record header = records.next();
        if (header == null || header.blank()) {
            throw new ImportRefused("the file is empty; a CSV import starts with a header line naming its columns ("
                    + String.join(",", kind.fields().names()) + ")");
        }
        List<String> columns = CsvFields.split(decodeHeader(header));
        if (columns == null) {
            throw new ImportRefused("the header line opens a quote (\") that the file never closes");
        }
        FieldSet fields = kind.fields();
        fieldOfColumn = new int[columns.size()];
        List<String> ignored = new ArrayList<>();
        boolean[] present = new boolean[fields.size()];
        for (int c = 0; c < columns.size(); c++) {
            int field = fields.lookup(columns.get(c)).orElse(-1);
            fieldOfColumn[c] = field;
            if (field < 0) {
                ignored.add(columns.get(c));
            } else {
                present[field] = true;
            }
        }
        List<String> missing = fields.required().stream().filter(f -> !present[fields.require(f)]).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefused("the header has no column " + String.join(", ", missing) + " (it has: "
                    + String.join(", ", columns) + "); the first line of a CSV file must name the columns");
        }
        ignoredColumns = List.copyOf(ignored);
    }

    private String decodeHeader(PhysicalRecords.Record header) {
        try {
            return decode(header.bytes(), header.length());
        } catch (BadBytes e) {
            throw new ImportRefused("the header line is not valid " + decoder.charset().name()
                    + "; save the file as UTF-8 or name its encoding, e.g. ?charset=GBK");
        }
    }

    /** The next record, validated; null at the end of the file. Blank lines are skipped. */
    Normalized<T> next() throws IOException {
        PhysicalRecords.Record record;
        do {
            record = records.next();
            if (record == null) {
                return null;
            }
        } while (record.blank());
        byte[] bytes = Arrays.copyOf(record.bytes(), record.length());
        long line = record.line();
        Supplier<String> payload = () -> new String(bytes, StandardCharsets.UTF_8);
        if (record.oversized()) {
            return unreadable(line, payload, "line is " + record.fullSize() + " bytes long; a record may be at most "
                    + record.length() + " bytes (is a quote left open on this line?)");
        }
        if (record.unclosedQuoteLine() > 0) {
            return unreadable(line, payload, "the record has an unclosed quote opened at line "
                    + record.unclosedQuoteLine() + ": no closing quote (\") follows within "
                    + PhysicalRecords.MAX_QUOTED_LINES + " lines or " + maxRecordBytes + " bytes, so the lines after "
                    + "line " + record.unclosedQuoteLine() + " are read as records of their own; close the quote, or "
                    + "double a quote inside a quoted value (\"\")");
        }
        try {
            RawRecord raw = format == ImportFormat.CSV ? csvRecord(bytes, line, payload)
                    : JsonRecordDecoder.decode(kind.fields(), bytes, 0, bytes.length, origin, line);
            Normalized<T> normalized = kind.normalizer().normalize(raw);
            T keyed = keys.keyed(normalized.value(), raw, rowHash(bytes), line);
            return keyed == normalized.value() ? normalized : Normalized.accepted(keyed, raw);
        } catch (UnreadableRecord e) {
            return Normalized.unreadable(kind.fields(), origin, line, e);
        }
    }

    /**
     * The row's bytes hashed (the JDK vectorizes it) with their length: two rows that read the same hash the same.
     * It is compared only between rows of one order with the same product, so 32 bits of hash are plenty.
     */
    private static long rowHash(byte[] bytes) {
        return (long) Arrays.hashCode(bytes) << 32 | bytes.length;
    }

    private RawRecord csvRecord(byte[] bytes, long line, Supplier<String> payload) {
        if (utf8) {
            List<String> columns = Utf8CsvFields.split(bytes);
            if (columns != null && columns.size() == fieldOfColumn.length && !anyReplaced(columns)) {
                return record(columns, line, payload);
            }
            // a quote left open, a count of fields off or a byte that is not UTF-8: the strict way says which
        }
        String text;
        try {
            text = decode(bytes, bytes.length);
        } catch (BadBytes e) {
            throw new UnreadableRecord("has bytes that are not valid " + decoder.charset().name() + " (byte "
                    + e.position + " of the line); save the file as UTF-8 or name its encoding, e.g. ?charset=GBK",
                    payload);
        }
        List<String> columns = CsvFields.split(text);
        if (columns == null) {
            throw new UnreadableRecord("opens a quoted field (\") that the file never closes; close the quote, or "
                    + "double a quote inside a quoted value (\"\")", payload);
        }
        if (columns.size() != fieldOfColumn.length) {
            String hint = columns.size() > fieldOfColumn.length
                    ? "a comma inside a value must be quoted (\"a,b\")" : "is the line cut short?";
            throw new UnreadableRecord("has " + columns.size() + " fields but the header has "
                    + fieldOfColumn.length + "; " + hint, () -> text);
        }
        return record(columns, line, () -> text);
    }

    private RawRecord record(List<String> columns, long line, Supplier<String> payload) {
        String[] values = new String[kind.fields().size()];
        for (int c = 0; c < fieldOfColumn.length; c++) {
            if (fieldOfColumn[c] >= 0) {
                values[fieldOfColumn[c]] = columns.get(c);
            }
        }
        return new RawRecord(values, origin, line, payload);
    }

    /** Whether a field decoded leniently met an invalid sequence (or holds U+FFFD itself: the strict way tells). */
    private static boolean anyReplaced(List<String> fields) {
        for (String field : fields) {
            if (field.indexOf(REPLACEMENT) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes strictly; a byte sequence that is not valid in the charset names its position. UTF-8 is first decoded by
     * the JDK's faster lenient path, which turns every invalid sequence into U+FFFD: text without one is exact.
     */
    private String decode(byte[] bytes, int length) throws BadBytes {
        if (utf8) {
            String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
            if (text.indexOf(REPLACEMENT) < 0) {
                return text;
            }
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate((int) (length * (double) decoder.maxCharsPerByte()) + 1);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isUnderflow()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new BadBytes(in.position() + 1);
        }
        return out.flip().toString();
    }

    private static final class BadBytes extends Exception {
        final int position;

        BadBytes(int position) {
            super(null, null, false, false);
            this.position = position;
        }
    }

    private Normalized<T> unreadable(long line, Supplier<String> payload, String reason) {
        return Normalized.rejected(List.of(new FieldError(line, null, reason)),
                RawRecord.unreadable(kind.fields().size(), origin, line, payload));
    }
}
