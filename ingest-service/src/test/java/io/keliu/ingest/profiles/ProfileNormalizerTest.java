package io.keliu.ingest.profiles;

import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.MaritalStatus;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.ingest.records.Normalized;
import io.keliu.ingest.records.RawRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileNormalizerTest {
    private final ProfileNormalizer normalizer = new ProfileNormalizer(RawRecords.SHANGHAI, RawRecords.NOW);

    private Normalized<UserProfile> normalize(Map<String, String> fields) {
        return normalizer.normalize(RawRecords.of(ProfileFields.FIELDS, fields));
    }

    private static Map<String, String> full() {
        Map<String, String> fields = new HashMap<>();
        fields.put("user_id", "U-1");
        fields.put("registered_at", "2023-01-02");
        fields.put("activated_at", "2023-01-02 08:30");
        fields.put("last_login_at", "2024-06-01T20:00:00+08:00");
        fields.put("age", "34");
        fields.put("gender", "女");
        fields.put("marital_status", "已婚");
        fields.put("occupation", "教师");
        fields.put("city", "成都市");
        fields.put("province", "四川");
        fields.put("industry", "教育");
        return fields;
    }

    @Test
    void readsEveryFieldOfSeed001() {
        UserProfile profile = normalize(full()).value();
        assertThat(profile).isEqualTo(new UserProfile("U-1", Instant.parse("2023-01-01T16:00:00Z"),
                Instant.parse("2023-01-02T00:30:00Z"), Instant.parse("2024-06-01T12:00:00Z"), 34, Gender.FEMALE,
                MaritalStatus.MARRIED, "教师", "成都市", "四川省", "教育", null));
    }

    @ParameterizedTest
    @CsvSource({"男,MALE", "M,MALE", "male,MALE", "女,FEMALE", "F,FEMALE", "未知,UNKNOWN"})
    void genderWords(String word, Gender expected) {
        Map<String, String> fields = full();
        fields.put("gender", word);
        assertThat(normalize(fields).value().gender()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"未婚,SINGLE", "single,SINGLE", "已婚,MARRIED", "离异,DIVORCED", "丧偶,WIDOWED"})
    void maritalWords(String word, MaritalStatus expected) {
        Map<String, String> fields = full();
        fields.put("marital_status", word);
        assertThat(normalize(fields).value().maritalStatus()).isEqualTo(expected);
    }

    @Test
    void rejectsImpossibleValues() {
        Map<String, String> fields = full();
        fields.put("age", "230");
        fields.put("activated_at", "2022-12-31");
        fields.remove("user_id");
        assertThat(normalize(fields).errors()).extracting(e -> e.field())
                .containsExactlyInAnyOrder("user_id", "age", "activated_at");
    }
}
