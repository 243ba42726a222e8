package io.keliu.analytics.feedback;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Cuts a text into runs of Chinese characters and runs of letters and digits; everything else (spaces, punctuation,
 * emoji) separates runs. The text is first NFKC-normalised, so full-width letters and digits (ＡＰＰ, ３) read as
 * their ASCII forms, and lower-cased.
 */
final class TextRuns {

    private TextRuns() {
    }

    /** Calls {@code chinese} with each run of Han characters and {@code latin} with each word of letters and digits. */
    static void split(String text, Consumer<String> chinese, Consumer<String> latin) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int start = 0;
        Kind runKind = Kind.OTHER;
        int i = 0;
        while (i <= normal.length()) {
            Kind kind = Kind.OTHER;
            int codePoint = 0;
            if (i < normal.length()) {
                codePoint = normal.codePointAt(i);
                kind = Kind.of(codePoint);
            }
            if (kind != runKind) {
                emit(normal.substring(start, i), runKind, chinese, latin);
                start = i;
                runKind = kind;
            }
            i += i < normal.length() ? Character.charCount(codePoint) : 1;
        }
    }

    private static void emit(String run, Kind kind, Consumer<String> chinese, Consumer<String> latin) {
        switch (kind) {
            case HAN -> chinese.accept(run);
            case LATIN -> latin.accept(run);
            case OTHER -> { }
        }
    }

    private enum Kind {
        HAN, LATIN, OTHER;

        static Kind of(int codePoint) {
            if (Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN) {
                return HAN;
            }
            // an apostrophe stays inside a word (didn't), so that the stop list can drop the whole word
            return Character.isLetterOrDigit(codePoint) || codePoint == '\'' ? LATIN : OTHER;
        }
    }
}
