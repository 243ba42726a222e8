package io.keliu.analytics.feedback;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese runs segmented into words by HanLP's Viterbi segmenter with its core dictionary, and each of their
 * characters as a term of its own (marked {@value #CHARACTER}), so that texts still meet when the dictionary splits or
 * joins a word differently (到账 read as 到 + 账, 闪退 as 闪 + 退); English words by {@link EnglishWords}; stop words
 * left out. HanLP's custom dictionary and person-name recognition are off: both made the most-similar lists worse on
 * the labelled set (docs/analytics.md).
 */
final class WordTokenizer implements Tokenizer {

    static final WordTokenizer INSTANCE = new WordTokenizer();

    /** Marks a character term, so that it never reads as the one-character word it may equal. */
    static final String CHARACTER = "字:";

    /** Stateless once built, so one segmenter serves every thread; building it loads the dictionaries once. */
    private static final class Segmenter {
        static final Segment SEGMENT = HanLP.newSegment().enableCustomDictionary(false).enableNameRecognize(false);
    }

    private WordTokenizer() {
    }

    @Override
    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        TextRuns.split(text, run -> addWords(run, tokens), word -> EnglishWords.add(word, tokens));
        return tokens;
    }

    /**
     * Words of two characters or more: a character (a term of its own, or a word the dictionary did not know split
     * into characters, 闪退 → 闪 + 退) says little about a topic to a reader.
     */
    @Override
    public boolean isLabel(String term) {
        return !term.startsWith(CHARACTER) && term.codePointCount(0, term.length()) > 1;
    }

    private static void addWords(String run, List<String> tokens) {
        for (Term term : Segmenter.SEGMENT.seg(run)) {
            if (!ChineseStopWords.contains(term.word)) {
                tokens.add(term.word);
            }
        }
        run.codePoints().mapToObj(Character::toString).filter(c -> !ChineseStopWords.contains(c))
                .forEach(c -> tokens.add(CHARACTER + c));
    }
}
