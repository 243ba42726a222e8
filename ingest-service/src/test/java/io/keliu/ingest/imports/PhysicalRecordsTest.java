package io.keliu.ingest.imports;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class PhysicalRecordsTest {

    /** Each record as "line:text" ("!N" appended when it leaves the quote of line N open). */
    private static List<String> records(String text, int maxBytes, int readSize) throws IOException {
        InputStream trickle = new ByteArrayInputStream(text.getBytes(UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, readSize)); // a body arriving in small pieces
            }
        };
        PhysicalRecords records = new PhysicalRecords(trickle, true, maxBytes);
        List<String> result = new ArrayList<>();
        for (PhysicalRecords.Record r = records.next(); r != null; r = records.next()) {
            result.add(r.line() + ":" + new String(r.bytes(), 0, r.length(), UTF_8)
                    + (r.unclosedQuoteLine() > 0 ? "!" + r.unclosedQuoteLine() : ""));
        }
        return result;
    }

    private static String lines(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            text.append("a").append(i).append(",b\n");
        }
        return text.toString();
    }

    @Test
    void aQuotedFieldMaySpanLinesAndHoldQuotes() throws IOException {
        assertThat(records("h\nx,\"two\nlines \"\"quoted\"\"\",y\r\nz\n", 1 << 20, 7))
                .containsExactly("1:h", "2:x,\"two\nlines \"\"quoted\"\"\",y", "4:z");
    }

    @Test
    void aQuoteOpenForMoreThanAHundredLinesEndsItsRecordWhereItOpened() throws IOException {
        String text = "h\n" + "a2,\"never closed\n" + lines(3, 150) + "a151,\"closed\"\n";
        List<String> records = records(text, 1 << 20, 100);
        assertThat(records.get(1)).isEqualTo("2:a2,\"never closed!2");
        List<String> after = new ArrayList<>();
        for (int line = 3; line <= 150; line++) {
            after.add(line + ":a" + line + ",b");
        }
        after.add("151:a151,\"closed\"");
        assertThat(records.subList(2, records.size())).containsExactlyElementsOf(after);
    }

    @Test
    void aQuoteStillOpenAtTheEndLeavesTheLinesAfterItToThemselves() throws IOException {
        assertThat(records("h\na2,\"open\na3,b\r\na4,b", 1 << 20, 3))
                .containsExactly("1:h", "2:a2,\"open!2", "3:a3,b", "4:a4,b");
    }

    @Test
    void aQuotedFieldPastTheSizeLimitEndsItsRecordWhereItOpened() throws IOException {
        String longLine = "x".repeat(300) + "\n";
        String text = "h\na2,b,\"open\n" + longLine.repeat(5) + "a8,b\n";
        List<String> records = records(text, 1000, 64);
        assertThat(records).hasSize(8);
        assertThat(records.get(1)).isEqualTo("2:a2,b,\"open!2");
        assertThat(records.get(2)).isEqualTo("3:" + "x".repeat(300));
        assertThat(records.get(7)).isEqualTo("8:a8,b");
    }

    @Test
    void aLineOverTheLimitWithAnOpenQuoteEndsAtItsLineBreak() throws IOException {
        List<String> records = records("h\na2,\"" + "y".repeat(2000) + "\na3,b\n", 1000, 4096);
        assertThat(records).hasSize(3);
        assertThat(records.get(2)).isEqualTo("3:a3,b");
    }
    /**
     * Random CSV text, with its quotes closed, read in pieces of random sizes: each record ends at the first line break
     * outside a quoted field, as reading character by character with RFC 4180's states finds it.
     */
    @Test
    void cutsRandomTextWhereReadingCharacterByCharacterCutsIt() throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        String[] alphabet = {",", ",", "\"", "\"", "a", "bc", " ", "订单", "😀", "\n", "\r\n", "x".repeat(40)};
        for (int n = 0; n < 3_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(40); length > 0; length--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            List<String> expected = new ArrayList<>();
            if (characterByCharacter(text.toString(), expected)) {
                text.append('"'); // closes the quote left open
                expected.clear();
                characterByCharacter(text.toString(), expected);
            }
            assertThat(records(text.toString(), 1 << 20, 1 + random.nextInt(64))).as(text.toString())
                    .isEqualTo(expected);
        }
    }

    /** Adds the records of {@code text} as "line:text" to {@code records}; true if it ends inside a quoted field. */
    private static boolean characterByCharacter(String text, List<String> records) {
        StringBuilder record = new StringBuilder();
        long line = 1;
        long start = 1;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                if (!quoted) {
                    int end = record.length() > 0 && record.charAt(record.length() - 1) == '\r'
                            ? record.length() - 1 : record.length();
                    records.add(start + ":" + record.substring(0, end));
                    record.setLength(0);
                    start = line;
                    fieldStart = true;
                    continue;
                }
            }
            record.append(c);
            if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                record.append(text.charAt(++i)); // a quote inside the quoted field
            } else if (quoted && c == '"') {
                quoted = false;
            } else if (!quoted && c == '"' && fieldStart) {
                quoted = true;
            }
            fieldStart = !quoted && c == ',';
        }
        if (!record.isEmpty()) {
            records.add(start + ":" + record);
        }
        return quoted;
    }
}
