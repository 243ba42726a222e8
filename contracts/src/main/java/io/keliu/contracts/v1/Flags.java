package io.keliu.contracts.v1;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The yes/no words of the import format (the {@code cancelled} column): English, digits and Chinese. */
public final class Flags {
    public static final String ACCEPTED = "true/false, 1/0, yes/no, 是/否";

    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "y", "t", "是", "已取消", "取消");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "n", "f", "否", "未取消");

    private Flags() {
    }

    /** True or false for a word of either list (case and surrounding blanks ignored); empty for any other word. */
    public static Optional<Boolean> parse(String word) {
        String folded = word.strip().toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(folded)) {
            return Optional.of(true);
        }
        return FALSE_WORDS.contains(folded) ? Optional.of(false) : Optional.empty();
    }
}
