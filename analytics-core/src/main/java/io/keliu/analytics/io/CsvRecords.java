package io.keliu.analytics.io;

import io.keliu.contracts.v1.CsvFields;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

    /** As the import: a quote still open after this many lines (or bytes) is a stray quote, not a long field. */
    public static final int MAX_QUOTED_LINES = 100;
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private final LineSource lines;
    private final CsvTable.Comments comments;
    /** Lines read ahead while looking for a closing quote, given back when there was none. */
    private final Deque<String> readAgain = new ArrayDeque<>();
    private int line;

    public CsvRecords(LineSource lines, CsvTable.Comments comments) {
        this.lines = lines;
        this.comments = comments;
    }

    /**
     * The next record that is neither blank nor a comment, or null at the end. A bad record is thrown as
     * {@link BadRecord} after its lines are consumed, so that a caller may report it and go on. A quote that is not
     * closed within {@value #MAX_QUOTED_LINES} lines, 1 MB or the file rejects the record up to the line where the
     * quote opened, and reading resumes after that line, as in the import (docs/contracts.md).
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
            String first = text;
            List<String> fields = CsvFields.split(text);
            List<String> continued = new ArrayList<>();
            while (fields == null) {
                String continuation = continued.size() + 1 < MAX_QUOTED_LINES && text.length() < MAX_RECORD_CHARS
                        ? nextLine() : null;
                if (continuation == null) {
                    throw unclosedQuote(start, first, continued);
                }
                continued.add(continuation);
                text = text + "\n" + continuation;
                fields = CsvFields.split(text);
            }
            return new Record(start, fields);
        }
    }

    /** Gives back the lines after the one where the open quote began, and rejects the record up to that line. */
    private BadRecord unclosedQuote(int start, String first, List<String> continued) {
        String prefix = first;
        int quoteLine = start;
        for (int i = 0; i < continued.size(); i++) {
            prefix = prefix + "\n" + continued.get(i);
            if (CsvFields.split(prefix) != null) {
                quoteLine = start + i + 2; // closed after this line: the open quote began on a later one
            }
        }
        for (int i = continued.size() - 1; i >= quoteLine - start; i--) {
            readAgain.push(continued.get(i));
        }
        line = quoteLine;
        return new BadRecord(start, "has an unclosed quote opened at line " + quoteLine + ": no closing quote (\")"
                + " follows within " + MAX_QUOTED_LINES + " lines or " + MAX_RECORD_CHARS + " characters, so the"
                + " lines after line " + quoteLine + " are read as records of their own; close the quote, or double a"
                + " quote inside a quoted value (\"\")");
    }

    private String nextLine() throws IOException {
        line++;
        if (!readAgain.isEmpty()) {
            return readAgain.pop();
        }
        try {
            return lines.next();
        } catch (TextLines.Undecodable e) {
            throw new BadRecord(line, e.getMessage());
        }
    }
}
