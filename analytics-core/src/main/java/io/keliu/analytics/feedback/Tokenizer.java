package io.keliu.analytics.feedback;

import java.util.List;

/** Turns a text into the terms its vector counts. */
@FunctionalInterface
public interface Tokenizer {

    List<String> tokens(String text);

    /** Whether a term may name a topic. */
    default boolean isLabel(String term) {
        return true;
    }

    /** Chinese words (HanLP segmentation) and their characters, and English words: the default. */
    static Tokenizer words() {
        return WordTokenizer.INSTANCE;
    }

    /** Overlapping pairs of Chinese characters and English words: the baseline, no dictionary. */
    static Tokenizer characterBigrams() {
        return CharacterBigramTokenizer.INSTANCE;
    }

    /** "words" or "bigrams", as the command line names them. */
    static Tokenizer named(String name) {
        return switch (name) {
            case "words" -> words();
            case "bigrams" -> characterBigrams();
            default -> throw new IllegalArgumentException("unknown tokenizer '" + name + "' (words, bigrams)");
        };
    }
}
