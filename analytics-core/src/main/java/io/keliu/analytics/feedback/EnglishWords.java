package io.keliu.analytics.feedback;

import java.util.List;
import java.util.Set;

/**
 * English words as terms: apostrophes dropped (didn't → didnt, the customer's → customer), a small stop list of
 * function words, numbers and single letters left out, and plurals reduced by Harman's S-stemmer (1991): -ies → -y,
 * -es → -e, -s → nothing, except after -ss, -us, -is and in -aes, -ees, -oes, -eies; with one rule added so that verbs
 * and nouns in -sh, -ch, -x and -ss meet their plurals: -shes, -ches, -xes, -sses → without -es (crashes → crash).
 */
final class EnglishWords {

    private static final Set<String> STOP = Set.of(
            "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
            "before", "being", "but", "by", "can", "cant", "could", "did", "didnt", "do", "does", "doesnt", "done",
            "dont", "even", "for", "from", "get", "got", "had", "has", "have", "he", "her", "here", "him", "his", "how",
            "i", "if", "im", "in", "into", "is", "isnt", "it", "its", "ive", "just", "me", "more", "my", "no", "not",
            "now", "of", "on", "one", "only", "or", "our", "out", "please", "really", "she", "so", "some", "still",
            "than", "that", "the", "their", "them", "then", "there", "they", "this", "to", "too", "up", "us", "very",
            "was", "wasnt", "we", "were", "what", "when", "which", "who", "why", "will", "with", "would", "wont",
            "you", "your", "yet");

    private EnglishWords() {
    }

    /** Adds the term a word counts as, if any. */
    static void add(String word, List<String> tokens) {
        String term = term(word);
        if (term != null) {
            tokens.add(term);
        }
    }

    /** The term a word counts as, or null when it counts as none. */
    private static String term(String word) {
        String bare = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        bare = bare.replace("'", "");
        if (bare.length() < 2 || STOP.contains(bare) || isNumber(bare)) {
            return null;
        }
        return singular(bare);
    }

    private static String singular(String word) {
        int n = word.length();
        if (n > 3 && word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) {
            return word.substring(0, n - 3) + "y";
        }
        if (n > 4 && (word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes") || word.endsWith("sses"))) {
            return word.substring(0, n - 2);
        }
        if (n > 3 && word.endsWith("es") && !word.endsWith("aes") && !word.endsWith("ees") && !word.endsWith("oes")) {
            return word.substring(0, n - 1);
        }
        if (n > 2 && word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss") && !word.endsWith("is")) {
            return word.substring(0, n - 1);
        }
        return word;
    }

    private static boolean isNumber(String word) {
        return word.chars().allMatch(Character::isDigit);
    }
}
