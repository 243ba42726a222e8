package io.keliu.local.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrafficRhythmTest {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 2, 0, 0);
    private static final int DRAWS = 100_000;

    private final TrafficRhythm rhythm = new TrafficRhythm();

    @Test
    void evening_is_far_busier_than_the_small_hours() {
        int[] perHour = new int[24];
        Random random = new Random(1);
        for (int i = 0; i < DRAWS; i++) {
            perHour[rhythm.drawTime(random, MONDAY, MONDAY.plusWeeks(4)).getHour()]++;
        }
        assertThat(perHour[20]).isGreaterThan(10 * perHour[4]);
        assertThat(perHour[12]).as("lunch peak").isGreaterThan(perHour[10]).isGreaterThan(perHour[15]);
    }

    @Test
    void weekend_days_are_busier_than_weekdays() {
        Map<DayOfWeek, Integer> perDay = new EnumMap<>(DayOfWeek.class);
        Random random = new Random(2);
        for (int i = 0; i < DRAWS; i++) {
            perDay.merge(rhythm.drawTime(random, MONDAY, MONDAY.plusWeeks(4)).getDayOfWeek(), 1, Integer::sum);
        }
        assertThat(perDay.get(DayOfWeek.SATURDAY)).isGreaterThan(perDay.get(DayOfWeek.TUESDAY) * 11 / 10);
        assertThat(perDay.get(DayOfWeek.SUNDAY)).isGreaterThan(perDay.get(DayOfWeek.WEDNESDAY) * 11 / 10);
    }

    @Test
    void relative_intensity_averages_one_over_a_week_so_the_configured_rate_holds() {
        double sum = 0;
        for (int hour = 0; hour < 7 * 24; hour++) {
            sum += rhythm.relativeIntensity(MONDAY.plusHours(hour));
        }
        assertThat(sum / (7 * 24)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
