package io.keliu.ingest.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into records at line breaks, keeping count of physical lines. In CSV mode a line break inside a
 * quoted field does not end the record (RFC 4180); a quote elsewhere (12" TV) is plain text. A record longer than
 * the limit is read to its end without being kept, so a 10 MB line costs no more memory than the limit.
 * <p>
 * A quote that is never closed would swallow the rest of the file. So a quoted field that runs past
 * {@value #MAX_QUOTED_LINES} physical lines, past the size limit or to the end of the stream ends its record at the
 * line where it opened (the record is then {@link Record#unclosedQuoteLine() marked}), and reading resumes at the next
 * line: the bytes read ahead are read again, and every physical line still belongs to exactly one record.
 */
final class PhysicalRecords {
    static final int MAX_QUOTED_LINES = 100;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;
    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final boolean csv;
    private final int maxBytes;
    private byte[] buffer = new byte[BUFFER_SIZE];
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
     * @param bytes             the record's bytes without its line break; only the first {@code length} are valid
     * @param line              the physical line it starts on (the first line of the stream is 1)
     * @param fullSize          its size in bytes, larger than {@code length} when it was over the limit
     * @param unclosedQuoteLine the line of a quote the record leaves open (it then ends with that line), else 0
     */
    record Record(byte[] bytes, int length, long line, long fullSize, long unclosedQuoteLine) {
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
        long quoteLine = 0;
        int quoteLineEnd = -1; // where in the record the line the open quote is on ends
        while (true) {
            if (position == limit && !fill()) {
                if (state == QUOTED && quoteLineEnd >= 0 && size == length) {
                    return unclosedQuote(length, line, quoteLine, quoteLineEnd);
                }
                return size == 0 ? null : finish(length, line, size, state == QUOTED ? quoteLine : 0);
            }
            int run = ordinaryRun(size);
            if (run > 0) {
                if (length + run > record.length) {
                    record = Arrays.copyOf(record, Math.min(maxBytes, Math.max(record.length * 2, length + run)));
                }
                System.arraycopy(buffer, position, record, length, run);
                position += run;
                length += run;
                size += run;
                if (csv && state != QUOTED) {
                    state = record[length - 1] == ',' ? FIELD_START : UNQUOTED;
                }
                continue;
            }
            byte b = buffer[position++];
            if (b == '\n') {
                nextLine++;
                if (!csv || state != QUOTED) {
                    return finish(length, line, size, 0);
                }
                if (size > length) {
                    return finish(length, line, size, quoteLine); // too long to read again: cut at this break
                }
                if (quoteLineEnd < 0) {
                    quoteLineEnd = length;
                }
                if (nextLine - quoteLine >= MAX_QUOTED_LINES) {
                    position--; // this line break is read again too
                    return unclosedQuote(length, line, quoteLine, quoteLineEnd);
                }
            }
            if (csv) {
                int next = advance(state, b);
                if (next == QUOTED && state != QUOTED && state != QUOTE_IN_QUOTED) {
                    quoteLine = nextLine;
                    quoteLineEnd = -1;
                }
                state = next;
            }
            size++;
            if (size <= maxBytes) {
                if (length == record.length) {
                    record = Arrays.copyOf(record, Math.min(maxBytes, record.length * 2));
                }
                record[length++] = b;
            } else if (state == QUOTED && quoteLineEnd >= 0) {
                position--;
                return unclosedQuote(length, line, quoteLine, quoteLineEnd);
            }
        }
    }

    /**
     * How many bytes from the position on change nothing but the record's length, so that they are copied at once:
     * up to a line break, a quote (in CSV) or the size limit. Outside a quoted field a run's last byte is all that
     * decides the state after it (a comma starts a field); inside one the field stays quoted.
     */
    private int ordinaryRun(long size) {
        int end = (int) Math.min(limit, position + Math.max(0, maxBytes - size));
        int i = position;
        if (csv) {
            while (i < end && buffer[i] != '\n' && buffer[i] != '"') {
                i++;
            }
        } else {
            while (i < end && buffer[i] != '\n') {
                i++;
            }
        }
        return i - position;
    }

    /**
     * The record up to the end of the line its open quote is on; the {@code read} bytes after that line go back to be
     * read again as the next records.
     */
    private Record unclosedQuote(int read, long line, long quoteLine, int quoteLineEnd) {
        byte[] again = Arrays.copyOfRange(record, quoteLineEnd + 1, read);
        byte[] rest = new byte[again.length + limit - position];
        System.arraycopy(again, 0, rest, 0, again.length);
        System.arraycopy(buffer, position, rest, again.length, limit - position);
        buffer = rest.length >= BUFFER_SIZE ? rest : Arrays.copyOf(rest, BUFFER_SIZE);
        position = 0;
        limit = rest.length;
        nextLine = quoteLine + 1;
        return finish(quoteLineEnd, line, quoteLineEnd, quoteLine);
    }

    private Record finish(int length, long line, long size, long unclosedQuoteLine) {
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
        return new Record(bytes, end - start, line, size - start, unclosedQuoteLine);
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
        if (buffer.length > BUFFER_SIZE) {
            buffer = new byte[BUFFER_SIZE]; // the bytes read again are done with
        }
        int read = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
