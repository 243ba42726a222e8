package io.keliu.ingest.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into records at line breaks, keeping count of physical lines. In CSV mode a line break inside a
 * quoted field does not end the record (RFC 4180); a quote elsewhere (12" TV) is plain text. A record longer than
 * the limit is read to its end without being kept, so a 10 MB line costs no more memory than the limit.
 */
final class PhysicalRecords {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final InputStream in;
    private final boolean csv;
    private final int maxBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] record = new byte[1024];
    private long nextLine = 1;
    private boolean first = true;

    PhysicalRecords(InputStream in, boolean csv, int maxBytes) {
        this.in = in;
        this.csv = csv;
        this.maxBytes = maxBytes;
    }

    /**
     * @param bytes     the record's bytes without its line break; only the first {@code length} are valid
     * @param line      the physical line it starts on (the first line of the stream is 1)
     * @param fullSize  its size in bytes, larger than {@code length} when it was over the limit
     */
    record Record(byte[] bytes, int length, long line, long fullSize) {
        boolean oversized() {
            return fullSize > length;
        }

        boolean blank() {
            for (int i = 0; i < length; i++) {
                if (bytes[i] != ' ' && bytes[i] != '\t') {
                    return false;
                }
            }
            return fullSize == length;
        }
    }

    /** The next record, or null at the end of the stream. Its bytes are valid until the next call. */
    Record next() throws IOException {
        long line = nextLine;
        int length = 0;
        long size = 0;
        int state = FIELD_START;
        while (true) {
            if (position == limit && !fill()) {
                return size == 0 ? null : finish(length, line, size);
            }
            byte b = buffer[position++];
            if (b == '\n') {
                nextLine++;
                if (!csv || state != QUOTED) {
                    return finish(length, line, size);
                }
            }
            if (csv) {
                state = advance(state, b);
            }
            size++;
            if (size <= maxBytes) {
                if (length == record.length) {
                    record = Arrays.copyOf(record, Math.min(maxBytes, record.length * 2));
                }
                record[length++] = b;
            }
        }
    }

    private Record finish(int length, long line, long size) {
        int end = length;
        if (end > 0 && record[end - 1] == '\r' && size == length) {
            end--;
            size--;
        }
        int start = 0;
        if (first) {
            first = false;
            if (end >= 3 && (record[0] & 0xFF) == 0xEF && (record[1] & 0xFF) == 0xBB && (record[2] & 0xFF) == 0xBF) {
                start = 3;
            }
        }
        byte[] bytes = start == 0 ? record : Arrays.copyOfRange(record, start, end);
        return new Record(bytes, end - start, line, size - start);
    }

    private static int advance(int state, byte b) {
        return switch (state) {
            case FIELD_START -> b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
            case UNQUOTED -> b == ',' ? FIELD_START : UNQUOTED;
            case QUOTED -> b == '"' ? QUOTE_IN_QUOTED : QUOTED;
            default -> b == '"' ? QUOTED : b == ',' ? FIELD_START : UNQUOTED;
        };
    }

    private boolean fill() throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
