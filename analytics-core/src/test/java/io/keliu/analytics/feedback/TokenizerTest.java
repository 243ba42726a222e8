package io.keliu.analytics.feedback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    @Test
    void chineseIsSegmentedIntoWordsAndCharactersWithoutFunctionWords() {
        assertThat(Tokenizer.words().tokens("快递太慢了，退款也没到账！"))
                .contains("快递", "退款", "字:快", "字:递", "字:账").doesNotContain("了", "也", "字:了", "，", "！");
    }

    @Test
    void onlyWordsLabelTopics() {
        assertThat(Tokenizer.words().isLabel("快递")).isTrue();
        assertThat(Tokenizer.words().isLabel("字:快")).isFalse();
        assertThat(Tokenizer.words().isLabel("退")).isFalse();
        assertThat(Tokenizer.words().isLabel("app")).isTrue();
        assertThat(Tokenizer.characterBigrams().isLabel("快递")).isTrue();
    }

    @Test
    void englishWordsAreLowerCasedSingularAndWithoutStopWords() {
        assertThat(Tokenizer.words().tokens("The Shoes didn't fit, the boxes were crushed & 2 replies came"))
                .containsExactly("shoe", "fit", "box", "crushed", "reply", "came");
    }

    @Test
    void fullWidthLettersAndDigitsReadAsAscii() {
        assertThat(Tokenizer.words().tokens("ＡＰＰ闪退")).startsWith("app");
    }

    @Test
    void bigramsArePairsOfNeighbouringChineseCharacters() {
        assertThat(Tokenizer.characterBigrams().tokens("快递太慢。退 App crashes"))
                .containsExactly("快递", "递太", "太慢", "退", "app", "crash");
    }

    @Test
    void textWithoutWordsHasNoTokens() {
        assertThat(Tokenizer.words().tokens("!!! 123 ...")).isEmpty();
        assertThat(Tokenizer.characterBigrams().tokens("")).isEmpty();
    }
}
