package io.keliu.analytics.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline without a dictionary: every pair of neighbouring Chinese characters in a run (a run of one character
 * is that character), English words as {@link EnglishWords} reads them.
 */
final class CharacterBigramTokenizer implements Tokenizer {

    static final CharacterBigramTokenizer INSTANCE = new CharacterBigramTokenizer();

    private CharacterBigramTokenizer() {
    }

    @Override
    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        TextRuns.split(text, run -> addBigrams(run, tokens), word -> EnglishWords.add(word, tokens));
        return tokens;
    }

    private static void addBigrams(String run, List<String> tokens) {
        int[] chars = run.codePoints().toArray();
        if (chars.length == 1) {
            tokens.add(run);
        }
        for (int i = 0; i + 1 < chars.length; i++) {
            tokens.add(new String(chars, i, 2));
        }
    }
}
