package io.keliu.ingest.profiles;

import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.MaritalStatus;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.ingest.records.FieldReader;
import io.keliu.ingest.records.RecordNormalizer;
import io.keliu.ingest.records.Regions;
import io.keliu.contracts.v1.Timestamps;

import java.time.Clock;
import java.time.Instant;

import static io.keliu.ingest.profiles.ProfileFields.*;

/** Validates a user profile; see docs/contracts.md. */
final class ProfileNormalizer extends RecordNormalizer<UserProfile> {
    private static final int MAX_AGE = 120;

    ProfileNormalizer(Timestamps timestamps, Clock clock) {
        super(FIELDS, timestamps, clock);
    }

    @Override
    protected UserProfile read(FieldReader in) {
        String userId = in.requiredId(USER_ID, 64);
        Instant registeredAt = in.optionalInstant(REGISTERED_AT);
        Instant activatedAt = in.optionalInstant(ACTIVATED_AT);
        Instant lastLoginAt = in.optionalInstant(LAST_LOGIN_AT);
        Integer age = in.optionalInteger(AGE, 0, MAX_AGE);
        Gender gender = in.optionalWord(GENDER, Gender.WORDS);
        MaritalStatus marital = in.optionalWord(MARITAL_STATUS, MaritalStatus.WORDS);
        String occupation = in.optionalText(OCCUPATION, 128);
        String city = in.optionalText(CITY, 64);
        String province = Regions.canonicalProvince(in.optionalText(PROVINCE, 64));
        String industry = in.optionalText(INDUSTRY, 128);
        Instant updatedAt = in.optionalInstant(UPDATED_AT);
        notBefore(in, ACTIVATED_AT, activatedAt, registeredAt, "activated (first login) before registering");
        notBefore(in, LAST_LOGIN_AT, lastLoginAt, registeredAt, "last logged in before registering");
        return new UserProfile(userId, registeredAt, activatedAt, lastLoginAt, age, gender,
                marital, occupation, city, province, industry, updatedAt);
    }

    private static void notBefore(FieldReader in, int field, Instant later, Instant earlier, String what) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            in.reject(field, "says the user " + what + "; check the dates");
        }
    }
}
