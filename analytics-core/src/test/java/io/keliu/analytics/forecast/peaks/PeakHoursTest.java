package io.keliu.analytics.forecast.peaks;

import io.keliu.analytics.forecast.series.HourlySeries;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PeakHoursTest {

    @Test
    void findsTheLunchPeakOnWeekdaysAndTheAfternoonPeakAtWeekends() {
        LocalDateTime monday = LocalDateTime.of(2024, 3, 4, 0, 0);
        Random random = new Random(4);
        double[] hours = new double[8 * 7 * 24];
        for (int i = 0; i < hours.length; i++) {
            LocalDateTime time = monday.plusHours(i);
            boolean weekend = time.getDayOfWeek().getValue() >= 6;
            int peakHour = weekend ? 15 : 12;
            hours[i] = 20 + 100 * Math.exp(-Math.pow(time.getHour() - peakHour, 2) / 2) + random.nextGaussian() * 3;
        }
        hours[12] = 1000;

        List<PeakHours.WeekdayProfile> profiles = PeakHours.byWeekday(new HourlySeries(monday, hours), 0.9);

        assertThat(profiles).hasSize(7);
        PeakHours.WeekdayProfile mondays = profiles.getFirst();
        assertThat(mondays.weekday()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(mondays.peakHours()).containsExactly(12);
        assertThat(mondays.peakValue()).as("a median ignores one wild Monday").isLessThan(140);
        assertThat(profiles.get(6).peakHours()).containsExactly(15);
    }

    @Test
    void aWeekdayWithoutTrafficHasNoPeakHours() {
        double[] quietMonday = new double[24];
        quietMonday[23] = Double.NaN;

        assertThat(PeakHours.byWeekday(new HourlySeries(LocalDateTime.of(2024, 3, 4, 0, 0), quietMonday), 0.9))
                .singleElement().satisfies(monday -> assertThat(monday.peakHours()).isEmpty());
    }
}
