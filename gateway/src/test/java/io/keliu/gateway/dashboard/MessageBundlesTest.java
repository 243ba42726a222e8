package io.keliu.gateway.dashboard;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

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

    @Test
    void theScriptsCatalogueHoldsCommonAndTheViewsBundleAndCannotCloseItsScriptElement() {
        String json = bundles.json("login", Locale.ENGLISH);
        assertThat(json).contains("\"common.nav.overview\":\"Overview\"", "\"login.title\":\"Sign in\"")
                .doesNotContain("</");
        assertThat(bundles.json("no-such-view", Locale.SIMPLIFIED_CHINESE)).contains("\"common.nav.overview\":\"系统概览\"")
                .doesNotContain("login.title");
    }
}
