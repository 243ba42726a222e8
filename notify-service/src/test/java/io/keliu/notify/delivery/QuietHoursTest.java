package io.keliu.notify.delivery;

import io.keliu.notify.subscriptions.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {
    private final Subscription.QuietHours night = new Subscription.QuietHours(LocalTime.of(22, 0),
            LocalTime.of(7, 0), ZoneId.of("Asia/Shanghai"), true);

    /** Shanghai is UTC+8: 14:00Z is 22:00 there. */
    @Test
    void aWindowAcrossMidnightHoldsBothEvenings() {
        assertThat(night.contains(Instant.parse("2026-12-01T13:59:00Z"))).isFalse();
        assertThat(night.contains(Instant.parse("2026-12-01T14:00:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-12-01T16:30:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-12-01T22:59:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-12-01T23:00:00Z"))).isFalse();
    }

    @Test
    void theWindowEndsTheNextMorningBeforeMidnightAndTheSameMorningAfter() {
        assertThat(night.endAfter(Instant.parse("2026-12-01T15:00:00Z"))).isEqualTo("2026-12-01T23:00:00Z");
        assertThat(night.endAfter(Instant.parse("2026-12-01T17:00:00Z"))).isEqualTo("2026-12-01T23:00:00Z");
        assertThat(night.endAfter(Instant.parse("2026-12-01T13:00:00Z"))).isEqualTo("2026-12-01T23:00:00Z");
    }

    @Test
    void aDaytimeWindowIsAPlainInterval() {
        Subscription.QuietHours lunch = new Subscription.QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0),
                ZoneId.of("Asia/Shanghai"), false);
        assertThat(lunch.contains(Instant.parse("2026-12-01T04:30:00Z"))).isTrue();
        assertThat(lunch.contains(Instant.parse("2026-12-01T05:00:00Z"))).isFalse();
        assertThat(lunch.contains(Instant.parse("2026-12-01T14:30:00Z"))).isFalse();
    }
}
