package io.keliu.contracts.v1;

import java.time.Instant;

/** A customer's profile with every field of seed 001. Unknown values are null. */
public record UserProfile(
        String userId,
        Instant registeredAt,
        Instant activatedAt,
        Instant lastLoginAt,
        Integer age,
        Gender gender,
        MaritalStatus maritalStatus,
        String occupation,
        String city,
        String province,
        String industry,
        Instant updatedAt) {
}
