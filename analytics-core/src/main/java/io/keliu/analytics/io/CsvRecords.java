package io.keliu.analytics.io;

import io.keliu.contracts.v1.CsvFields;

import java.io.IOException;
import java.util.List;

/**
 * Splits lines into CSV records as the import format does ({@code CsvFields}, RFC 4180): a quoted field may span
 * lines. Lines that are blank (or comments, when asked) are skipped. Every record knows the physical line it starts
 * on (the first line of the file is 1).
 */
public final class CsvRecords {

    /** Where the lines come from: {@link TextLines} for files, {@code BufferedReader::readLine} for text. */
    @FunctionalInterface
    public interface LineSource {
        /** The next line without its break, null at the end. */
        String next() throws IOException;
    }

    /** @param line the physical line the record starts on */
    public record Record(int line, List<String> fields) {
    }

    /** A record that cannot be read as CSV (bytes the charset does not allow, a quote never closed). */
    public static final class BadRecord extends DataFormatException {
        private final int line;
        private final String reason;

        BadRecord(int line, String reason) {
            super("line " + line + " " + reason);
            this.line = line;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        /** What is wrong, without the line: "is not valid UTF-8; try --charset GBK". */
        public String reason() {
            return reason;
        }
    }

    private final LineSource lines;
    private final CsvTable.Comments comments;
    private int line;

    public CsvRecords(LineSource lines, CsvTable.Comments comments) {
        this.lines = lines;
        this.comments = comments;
    }

    /**
     * The next record that is neither blank nor a comment, or null at the end. A bad record is thrown as
     * {@link BadRecord} after its lines are consumed, so that a caller may report it and go on.
     */
    public Record next() throws IOException {
        while (true) {
            String text = nextLine();
            if (text == null) {
                return null;
            }
            if (text.isBlank() || comments == CsvTable.Comments.HASH_LINES && text.stripLeading().startsWith("#")) {
                continue;
            }
            int start = line;
            List<String> fields = CsvFields.split(text);
            while (fields == null) {
                String continuation = nextLine();
                if (continuation == null) {
                    throw new BadRecord(start, "opens a quoted field (\") that the file never closes; close the "
                            + "quote, or double a quote inside a quoted value (\"\")");
                }
                text = text + "\n" + continuation;
                fields = CsvFields.split(text);
            }
            return new Record(start, fields);
        }
    }

    private String nextLine() throws IOException {
        line++;
        try {
            return lines.next();
        } catch (TextLines.Undecodable e) {
            throw new BadRecord(line, e.getMessage());
        }
    }
}
