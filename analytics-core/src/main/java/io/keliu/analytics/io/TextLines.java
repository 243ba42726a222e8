package io.keliu.analytics.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The physical lines of a file in a given charset, decoded strictly one line at a time, so that bytes the charset
 * does not allow are reported with the line they are on instead of being replaced silently. Lines end at LF (CRLF
 * too), which holds for UTF-8, GBK and GB18030: byte 0x0A is never part of a multi-byte character in them. A UTF-8
 * byte-order mark at the start is dropped.
 */
public final class TextLines implements CsvRecords.LineSource, Closeable {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private byte[] line = new byte[256];
    private boolean first = true;

    public TextLines(InputStream in, Charset charset) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    public static TextLines open(Path file, Charset charset) {
        try {
            return new TextLines(Files.newInputStream(file), charset);
        } catch (NoSuchFileException e) {
            throw new DataFormatException("no such file: " + file);
        } catch (IOException e) {
            throw new DataFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A reader of the file's text (lines joined by LF) for parsers that take a {@link Reader}; a line that is not
     * valid in the charset is a {@link DataFormatException} naming the file and the line.
     */
    public static Reader reader(Path file, Charset charset) {
        TextLines lines = open(file, charset);
        return new Reader() {
            private String pending = "";
            private int position;
            private int line;

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                if (pending == null) {
                    return -1;
                }
                while (position == pending.length()) {
                    String next;
                    try {
                        next = lines.next();
                    } catch (Undecodable e) {
                        throw new DataFormatException(file + ": line " + (line + 1) + " " + e.getMessage(), e);
                    }
                    line++;
                    if (next == null) {
                        pending = null;
                        return -1;
                    }
                    pending = next + "\n";
                    position = 0;
                }
                int count = Math.min(length, pending.length() - position);
                pending.getChars(position, position + count, buffer, offset);
                position += count;
                return count;
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    /** Every line of a file; a line that is not valid in the charset is an error naming it. */
    public static List<String> readAll(Path file, Charset charset) {
        List<String> lines = new ArrayList<>();
        try (TextLines in = open(file, charset)) {
            for (String line = in.next(); line != null; line = in.next()) {
                lines.add(line);
            }
        } catch (Undecodable e) {
            throw new DataFormatException(file + ": line " + (lines.size() + 1) + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return lines;
    }

    /**
     * The next line without its line break, null at the end. A line that is not valid in the charset is consumed and
     * reported as {@link Undecodable}; the next call reads the line after it.
     */
    @Override
    public String next() throws IOException {
        int length = 0;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = (byte) b;
            b = in.read();
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (first) {
            first = false;
            if (length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF) {
                start = 3;
            }
        }
        try {
            CharBuffer text = decoder.reset().decode(ByteBuffer.wrap(line, start, length - start));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new Undecodable(decoder.charset());
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A line with bytes that are not valid in the charset; the message suggests the encoding to try instead. */
    public static final class Undecodable extends RuntimeException {
        Undecodable(Charset charset) {
            super("is not valid " + charset.name() + "; try --charset " + alternative(charset));
        }

        /** GBK for a file that is not UTF-8 (the usual case in China), GB18030 for one that is not GBK, else UTF-8. */
        private static String alternative(Charset charset) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                return "GBK";
            }
            return charset.name().equals("GBK") ? "GB18030" : "UTF-8";
        }
    }
}
