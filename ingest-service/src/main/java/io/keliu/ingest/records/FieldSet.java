package io.keliu.ingest.records;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields one kind of record has (orders, profiles, logs, feedback), in a fixed order, with the header words that name each
 * one: the canonical snake_case name, and the Chinese names of the design documents.
 */
public final class FieldSet {
    private final List<String> names;
    private final Map<String, Integer> indexByWord = new HashMap<>();
    /** The canonical names as written, looked up first: every JSON field name would otherwise be folded. */
    private final Map<String, Integer> indexByExactName = new HashMap<>();
    private List<String> required = List.of();

    private FieldSet(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            indexByWord.put(fold(names.get(i)), i);
            indexByExactName.put(names.get(i), i);
        }
    }

    public static FieldSet of(String... names) {
        return new FieldSet(List.of(names));
    }

    /** Adds other words a header may use for a field, e.g. "订单ID" for order_id. */
    public FieldSet alias(String field, String... words) {
        int index = require(field);
        for (String word : words) {
            indexByWord.put(fold(word), index);
        }
        return this;
    }

    /** Marks the fields a record cannot do without; an import whose header lacks one is refused up front. */
    public FieldSet required(String... fields) {
        for (String field : fields) {
            require(field);
        }
        this.required = List.of(fields);
        return this;
    }

    public List<String> required() {
        return required;
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    public List<String> names() {
        return names;
    }

    public int require(String field) {
        Integer index = indexByWord.get(fold(field));
        if (index == null) {
            throw new IllegalArgumentException("unknown field " + field);
        }
        return index;
    }

    /** The field a header word names, ignoring case, blanks, '-' and '_'; empty for a column we do not know. */
    public Optional<Integer> lookup(String word) {
        Integer exact = indexByExactName.get(word);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(indexByWord.get(fold(word)));
    }

    private static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c != ' ' && c != '_' && c != '-' && c != '\uFEFF' && c != '\u3000') {
                folded.append(c);
            }
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
