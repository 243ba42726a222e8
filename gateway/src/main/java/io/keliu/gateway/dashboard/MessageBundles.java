package io.keliu.gateway.dashboard;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The dashboard's message bundles, {@code i18n/<bundle>_zh_CN.properties} and {@code i18n/<bundle>_en.properties}
 * (UTF-8), found on the class path so that a view adds its bundle by adding the two files. Pages use them through
 * Spring's MessageSource ({@code #{overview.title}}); scripts get the catalogue of {@code common} and their view's
 * bundle as JSON in the page.
 */
@Component
public class MessageBundles {
    public static final String LOCATION = "i18n/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> bundles;
    private final Map<String, Map<String, String>> loaded = new ConcurrentHashMap<>();

    public MessageBundles() {
        this.bundles = discover();
    }

    /** The bundles' names ({@code common}, {@code overview}, …). */
    public List<String> bundles() {
        return bundles;
    }

    /** The base names for a MessageSource: {@code i18n/common}, {@code i18n/overview}, … */
    public String[] baseNames() {
        return bundles.stream().map(name -> LOCATION + name).toArray(String[]::new);
    }

    /**
     * The catalogue for a page's scripts: {@code common} and the given bundle (if it exists), in the locale's
     * language, as JSON safe to put inside a {@code <script>} element.
     */
    public String json(String bundle, Locale locale) {
        Map<String, String> catalogue = new TreeMap<>(messages("common", locale));
        if (bundle != null && bundles.contains(bundle) && !bundle.equals("common")) {
            catalogue.putAll(messages(bundle, locale));
        }
        return JSON.writeValueAsString(catalogue).replace("</", "<\\/");
    }

    /** One bundle's messages in the locale's language (zh-CN unless English). */
    public Map<String, String> messages(String bundle, Locale locale) {
        String suffix = Languages.suffix(locale);
        return loaded.computeIfAbsent(bundle + suffix, key -> load(LOCATION + bundle + suffix + ".properties"));
    }

    private static Map<String, String> load(String path) {
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:" + path);
        if (!resource.exists()) {
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        Map<String, String> messages = new TreeMap<>();
        properties.forEach((key, value) -> messages.put((String) key, (String) value));
        return Map.copyOf(messages);
    }

    private static List<String> discover() {
        try {
            Resource[] english = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + LOCATION + "*_en.properties");
            return Stream.of(english).map(Resource::getFilename)
                    .map(name -> name.substring(0, name.length() - "_en.properties".length()))
                    .distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the message bundles", e);
        }
    }
}
