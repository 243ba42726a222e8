package io.keliu.notify.channels;

import java.nio.charset.StandardCharsets;

/** Byte-limited text: WeCom counts its markdown limit in UTF-8 bytes. */
public final class Utf8 {
    private Utf8() {
    }

    public static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The longest prefix of {@code text} that, followed by {@code marker}, fits in {@code maxBytes}; never splits a
     * character (nor a surrogate pair), and prefers to cut at a line break in the last quarter.
     */
    public static String truncate(String text, int maxBytes, String marker) {
        if (length(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - length(marker);
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        int lineBreak = text.lastIndexOf('\n', end - 1);
        if (lineBreak > end * 3 / 4) {
            end = lineBreak + 1;
        }
        return text.substring(0, end) + marker;
    }
}
