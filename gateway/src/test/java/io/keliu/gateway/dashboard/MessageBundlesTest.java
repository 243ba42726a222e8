package io.keliu.gateway.dashboard;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message exists in both languages, under its bundle's prefix, and says something. */
class MessageBundlesTest {
    private final MessageBundles bundles = new MessageBundles();

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() {
        assertThat(bundles.bundles()).contains("common", "login");
        for (String bundle : bundles.bundles()) {
            Map<String, String> chinese = bundles.messages(bundle, Locale.SIMPLIFIED_CHINESE);
            Map<String, String> english = bundles.messages(bundle, Locale.ENGLISH);
            assertThat(chinese).as("i18n/%s_zh_CN.properties", bundle).isNotEmpty();
            assertThat(english.keySet()).as("keys of %s: English vs Chinese", bundle)
                    .containsExactlyInAnyOrderElementsOf(chinese.keySet());
            assertThat(chinese.keySet()).as("keys of %s start with '%s.'", bundle, bundle)
                    .allMatch(key -> key.startsWith(bundle + "."));
            chinese.forEach((key, text) -> assertThat(text).as("%s (zh-CN)", key).isNotBlank());
            english.forEach((key, text) -> assertThat(text).as("%s (en)", key).isNotBlank());
        }
    }

    @Test
    void theEnglishBundlesAreEnglish() {
        for (String bundle : bundles.bundles()) {
            bundles.messages(bundle, Locale.ENGLISH).forEach((key, text) -> {
                // the language switch names Chinese in Chinese
                if (!key.equals("common.language.zh")) {
                    assertThat(text).as("%s (en) has no Chinese characters", key).doesNotContainPattern("\\p{IsHan}");
                }
            });
        }
    }

    /** "1 orders": a counted noun after an argument is chosen by the count ({0,choice,0#orders|1#order|1<orders}). */
    @Test
    void englishCountsChooseSingularOrPlural() {
        Pattern pluralAfterCount = Pattern.compile("\\{\\d+} (orders|days|rules|baskets|minutes|errors|faults)\\b");
        for (String bundle : bundles.bundles()) {
            bundles.messages(bundle, Locale.ENGLISH).forEach((key, text) -> assertThat(text)
                    .as("%s (en): a plural after a count needs a choice", key).doesNotContainPattern(pluralAfterCount));
        }
        assertThat(new MessageFormat(bundles.messages("time", Locale.ENGLISH).get("time.trend.total"), Locale.ENGLISH)
                .format(new Object[] {1})).isEqualTo("1 order in all");
        assertThat(new MessageFormat(bundles.messages("time", Locale.ENGLISH).get("time.trend.total"), Locale.ENGLISH)
                .format(new Object[] {2})).isEqualTo("2 orders in all");
    }

    @Test
    void theScriptsCatalogueHoldsCommonAndTheViewsBundleAndCannotCloseItsScriptElement() {
        String json = bundles.json("login", Locale.ENGLISH);
        assertThat(json).contains("\"common.nav.overview\":\"Overview\"", "\"login.title\":\"Sign in\"")
                .doesNotContain("</");
        assertThat(bundles.json("no-such-view", Locale.SIMPLIFIED_CHINESE)).contains("\"common.nav.overview\":\"系统概览\"")
                .doesNotContain("login.title");
    }
}
