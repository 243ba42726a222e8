package io.keliu.local.browser;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dashboard's message bundles as the gateway ships them ({@code gateway/src/main/resources/i18n}, read from the
 * source tree because the local stack's tests have the gateway's jar only as a process), and what a page in one
 * language must not show: the keys themselves (a message that did not resolve), the other language's messages and
 * the raw values of translated enumerations.
 */
public final class Catalogues {
    /** A MessageFormat argument ({@code {0}}, {@code {0,number}}): the text around it is what a page shows. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d+[^}]*}");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** A translated enumeration value: {@code common.enum.channel.WECHAT}, {@code alerts.severity.CRITICAL}. */
    private static final Pattern ENUM_KEY = Pattern.compile(".+\\.([A-Z][A-Z0-9_]{2,})");

    /** Language tag ({@code zh-CN}, {@code en}) to key to message. */
    private final Map<String, Map<String, String>> messages;

    private Catalogues(Map<String, Map<String, String>> messages) {
        this.messages = messages;
    }

    /** Every bundle of the gateway in the repository at {@code home}. */
    public static Catalogues of(Path home) {
        Path directory = home.resolve("gateway/src/main/resources/i18n");
        Map<String, Map<String, String>> messages = new TreeMap<>();
        messages.put("zh-CN", read(directory, "_zh_CN.properties"));
        messages.put("en", read(directory, "_en.properties"));
        return new Catalogues(messages);
    }

    /** A phrase a page must not show, and why. */
    public record Forbidden(String phrase, Pattern pattern, String reason) {
    }

    /** What a page in {@code language} must not show (the language switch's other-language link is marked lang). */
    public List<Forbidden> forbiddenOn(String language) {
        Map<String, String> own = messages.get(language);
        String other = language.equals("en") ? "zh-CN" : "en";
        String ownText = String.join("\n", own.values());
        List<Forbidden> forbidden = new ArrayList<>();
        for (String key : own.keySet()) {
            forbidden.add(new Forbidden(key, Pattern.compile("(?<![\\w.])" + Pattern.quote(key) + "(?![\\w.])"),
                    "the message key " + key + " (its message did not resolve)"));
        }
        messages.get(other).forEach((key, message) -> {
            for (String fragment : ARGUMENT.split(message.replace("''", "'"))) {
                String phrase = fragment.strip();
                // text both languages use (Keliu, CSV, URLs, command lines) says nothing about the language
                if (distinctive(phrase, other) && !ownText.contains(phrase)) {
                    forbidden.add(new Forbidden(phrase, wholeWords(phrase),
                            other + " text of " + key + " on a " + language + " page"));
                }
            }
        });
        own.forEach((key, label) -> {
            Matcher enumKey = ENUM_KEY.matcher(key);
            if (enumKey.matches() && !ownText.contains(enumKey.group(1))) {
                forbidden.add(new Forbidden(enumKey.group(1), wholeWords(enumKey.group(1)),
                        "the raw value of " + key + " instead of its label '" + label + "'"));
            }
        });
        return forbidden;
    }

    /** Whether a page in English shows Chinese characters: the first one with its neighbours, or null. */
    public static String chineseIn(String text) {
        Matcher matcher = CJK.matcher(text);
        if (!matcher.find()) {
            return null;
        }
        return text.substring(Math.max(0, matcher.start() - 20), Math.min(text.length(), matcher.end() + 20));
    }

    private static boolean distinctive(String phrase, String language) {
        if (language.equals("zh-CN")) {
            return CJK.matcher(phrase).find();
        }
        // an English phrase tells only if it holds a real word (acronyms and symbols are shared by both languages)
        return Pattern.compile("\\b[A-Za-z][a-z]{2,}\\b").matcher(phrase).find();
    }

    private static Pattern wholeWords(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}_])");
    }

    private static Map<String, String> read(Path directory, String suffix) {
        Map<String, String> messages = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                properties.forEach((key, value) -> messages.put((String) key, (String) value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard's message bundles in " + directory, e);
        }
        return messages;
    }
}
