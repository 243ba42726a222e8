package io.keliu.contracts.v1;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the words people write in source data (English codes, Chinese words of the design documents, common
 * synonyms) to one canonical enum constant. Matching ignores case, surrounding blanks, spaces, '-' and '_'.
 */
public final class Vocabulary<E extends Enum<E>> {
    private final Class<E> type;
    private final Map<String, E> words = new HashMap<>();

    private Vocabulary(Class<E> type) {
        this.type = type;
        for (E constant : type.getEnumConstants()) {
            words.put(fold(constant.name()), constant);
        }
    }

    public static <E extends Enum<E>> Vocabulary<E> of(Class<E> type) {
        return new Vocabulary<>(type);
    }

    public Vocabulary<E> word(E constant, String... synonyms) {
        for (String synonym : synonyms) {
            words.put(fold(synonym), constant);
        }
        return this;
    }

    /**
     * Adds every word of {@code other} for the constant of the same name: for an enumeration that extends another
     * (every constant of {@code other} must exist here).
     */
    public <F extends Enum<F>> Vocabulary<E> including(Vocabulary<F> other) {
        other.words.forEach((word, constant) -> words.put(word, Enum.valueOf(type, constant.name())));
        return this;
    }

    public Optional<E> lookup(String word) {
        if (word == null) {
            return Optional.empty();
        }
        E written = words.get(word); // a word written as it is kept (PAID, 微信) needs no folding
        return Optional.ofNullable(written != null ? written : words.get(fold(word)));
    }

    /** The accepted words, for error messages that tell the user what would have worked. */
    public String describe() {
        StringBuilder accepted = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (!accepted.isEmpty()) {
                accepted.append(", ");
            }
            accepted.append(constant.name());
        }
        return accepted.toString();
    }

    private static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != ' ' && c != '-' && c != '_' && c != '\u3000') {
                folded.append(c);
            }
        }
        return folded.toString().toUpperCase(Locale.ROOT);
    }
}
