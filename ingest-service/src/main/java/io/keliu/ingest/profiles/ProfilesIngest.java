package io.keliu.ingest.profiles;

import io.keliu.contracts.v1.Topics;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.ingest.store.UpsertStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class ProfilesIngest {

    @Bean
    IngestKind<UserProfile> profilesKind(Timestamps timestamps, Clock clock) {
        return new IngestKind<>("profiles", ProfileFields.FIELDS, new ProfileNormalizer(timestamps, clock),
                new UpsertStore<>(new ProfileTable()), Topics.RAW_PROFILES, Topics.PROFILES,
                UserProfile::userId, UserProfile::userId);
    }
}
