package io.keliu.contracts.v1;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The country dimension: ISO 3166-1 alpha-2 codes (CN, GB, US), reached from the code itself, the alpha-3 code (CHN),
 * the English name and the Chinese names (simplified and traditional) of every country the JDK knows, and common
 * other names (中华人民共和国, PRC, UK, Great Britain, USA, EIRE …). Words are matched ignoring case, accents, blanks
 * and punctuation.
 */
public final class Countries {
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            Map.entry("CN", List.of("中华人民共和国", "中國大陸", "中国大陆", "PRC", "P.R. China",
                    "People's Republic of China", "Mainland China")),
            Map.entry("GB", List.of("UK", "Great Britain", "Britain", "England", "Scotland", "Wales",
                    "Northern Ireland", "大不列颠", "英格兰", "苏格兰", "威尔士", "北爱尔兰",
                    "United Kingdom of Great Britain and Northern Ireland")),
            Map.entry("US", List.of("USA", "America", "United States of America", "美利坚合众国")),
            Map.entry("KR", List.of("Korea", "Republic of Korea", "大韩民国", "南韩")),
            Map.entry("KP", List.of("DPRK", "Democratic People's Republic of Korea")),
            Map.entry("HK", List.of("Hong Kong", "香港", "中国香港")),
            Map.entry("MO", List.of("Macau", "Macao", "澳门", "中国澳门")),
            Map.entry("TW", List.of("臺灣", "中国台湾")),
            Map.entry("RU", List.of("Russian Federation")),
            Map.entry("IE", List.of("EIRE", "Republic of Ireland")),
            Map.entry("ZA", List.of("RSA")),
            Map.entry("CZ", List.of("Czech Republic")),
            Map.entry("TR", List.of("Turkey")),
            Map.entry("NL", List.of("Holland", "The Netherlands")),
            Map.entry("AE", List.of("UAE")),
            Map.entry("VN", List.of("Viet Nam")),
            Map.entry("CI", List.of("Ivory Coast")),
            Map.entry("VA", List.of("Vatican", "Holy See")),
            Map.entry("MK", List.of("Macedonia")),
            Map.entry("SZ", List.of("Swaziland")),
            Map.entry("MM", List.of("Burma")));
    /** Words that say the country is not known: an absent value, not a country. */
    private static final Set<String> UNSPECIFIED = Set.of("unspecified", "unknown", "未知", "未指定", "不详");

    private static final Map<String, String> CODE_BY_WORD = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            add(code, code);
            add(country.getISO3Country(), code);
            add(country.getDisplayCountry(Locale.ENGLISH), code);
            add(country.getDisplayCountry(Locale.CHINA), code);
            add(country.getDisplayCountry(Locale.TAIWAN), code);
        }
        ALIASES.forEach((code, words) -> words.forEach(word -> add(word, code)));
    }

    private Countries() {
    }

    /** The alpha-2 code of a country word, or null when it names no country we know. */
    public static String code(String word) {
        return word == null ? null : CODE_BY_WORD.get(fold(word));
    }

    /** True for words such as "Unspecified" or 未知 that stand for no country. */
    public static boolean unspecified(String word) {
        return UNSPECIFIED.contains(fold(word));
    }

    private static void add(String word, String code) {
        CODE_BY_WORD.put(fold(word), code);
        if (word.contains("&")) {
            CODE_BY_WORD.put(fold(word.replace("&", "and")), code); // Bosnia & Herzegovina, Bosnia and Herzegovina
        }
    }

    /** Lower case, accents removed, only letters and digits kept: "Côte d’Ivoire" and "cote divoire" meet. */
    private static String fold(String word) {
        String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                folded.append(Character.toLowerCase(c));
            }
        }
        return folded.toString();
    }
}
