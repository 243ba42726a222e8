package io.keliu.analytics.feedback;

import java.util.Set;

/**
 * Chinese function words that say nothing about what a text is about: particles, pronouns, degree adverbs,
 * conjunctions. Kept small on purpose: inverse document frequency already weighs common words down.
 */
final class ChineseStopWords {

    private static final Set<String> STOP = Set.of(
            "的", "地", "得", "了", "着", "过", "是", "在", "我", "我们", "你", "你们", "您", "他", "她", "它", "他们",
            "这", "那", "这个", "那个", "这样", "这次", "就", "都", "也", "还", "又", "很", "太", "非常", "真", "真的",
            "特别", "啊", "吧", "呢", "吗", "呀", "哦", "嗯", "哈", "啦", "嘛", "和", "与", "跟", "及", "把", "被",
            "给", "让", "对", "从", "一", "个", "一个", "有", "就是", "但是", "可是", "因为", "所以", "然后", "而且",
            "如果", "已经", "一下", "一直", "什么", "怎么", "为什么", "请", "麻烦", "到底", "还是", "都是",
            "一点", "下", "上", "说", "要", "会", "能", "可以", "没", "不", "还有");

    private ChineseStopWords() {
    }

    static boolean contains(String word) {
        return STOP.contains(word);
    }
}
