package io.keliu.contracts.v1;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class CountriesTest {

    @ParameterizedTest
    @CsvSource({"中国,CN", "中华人民共和国,CN", "China,CN", "PRC,CN", "cn,CN", "CHN,CN", "中國,CN",
            "英国,GB", "United Kingdom,GB", "UK,GB", "Great Britain,GB", "GB,GB",
            "美国,US", "USA,US", "United States,US", "u.s.a.,US", "EIRE,IE", "日本,JP", "Japan,JP",
            "德国,DE", "Germany,DE", "Côte d'Ivoire,CI", "cote divoire,CI", "Bosnia and Herzegovina,BA",
            "RSA,ZA", "Channel Islands,", "Atlantis,"})
    void readsCodesAndNames(String word, String code) {
        assertThat(Countries.code(word)).isEqualTo(code);
    }

    @Test
    void everyIsoCountryByItsCodeAndItsEnglishAndChineseNames() {
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            assertThat(Countries.code(code)).isEqualTo(code);
            assertThat(Countries.code(country.getDisplayCountry(Locale.ENGLISH))).as(code).isEqualTo(code);
            assertThat(Countries.code(country.getDisplayCountry(Locale.CHINA))).as(code).isEqualTo(code);
        }
    }

    @Test
    void wordsForNoCountry() {
        assertThat(Countries.unspecified("Unspecified")).isTrue();
        assertThat(Countries.unspecified("未知")).isTrue();
        assertThat(Countries.unspecified("NA")).as("Namibia").isFalse();
    }
}
