package io.keliu.analytics.forecast.holidays;

import io.keliu.analytics.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HolidayCalendarTest {
    private final HolidayCalendar china = HolidayCalendar.chinaMainland();

    /** Spot checks against the State Council notices: break, first and last day off, make-up working days. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Spring Festival | 2024 | 2024-02-10 | 2024-02-17 | 2024-02-04;2024-02-18
            National Day    | 2024 | 2024-10-01 | 2024-10-07 | 2024-09-29;2024-10-12
            Labour Day      | 2024 | 2024-05-01 | 2024-05-05 | 2024-04-28;2024-05-11
            Spring Festival | 2025 | 2025-01-28 | 2025-02-04 | 2025-01-26;2025-02-08
            Labour Day      | 2025 | 2025-05-01 | 2025-05-05 | 2025-04-27
            National Day    | 2025 | 2025-10-01 | 2025-10-08 | 2025-09-28;2025-10-11
            Spring Festival | 2023 | 2023-01-21 | 2023-01-27 | 2023-01-28;2023-01-29
            National Day    | 2023 | 2023-09-29 | 2023-10-06 | 2023-10-07;2023-10-08
            Spring Festival | 2019 | 2019-02-04 | 2019-02-10 | 2019-02-02;2019-02-03
            Labour Day      | 2019 | 2019-05-01 | 2019-05-04 | 2019-04-28;2019-05-05
            Spring Festival | 2020 | 2020-01-24 | 2020-02-02 | 2020-01-19
            New Year        | 2017 | 2016-12-31 | 2017-01-02 |
            Spring Festival | 2026 | 2026-02-15 | 2026-02-23 | 2026-02-14;2026-02-28
            National Day    | 2026 | 2026-10-01 | 2026-10-07 | 2026-09-20;2026-10-10
            Spring Festival | 2015 | 2015-02-18 | 2015-02-24 | 2015-02-15;2015-02-28
            """)
    void matchesTheOfficialNotice(String holiday, int year, LocalDate first, LocalDate last, String makeup) {
        HolidayPeriod period = china.occurrence(holiday, year).orElseThrow();

        assertThat(period.first()).isEqualTo(first);
        assertThat(period.last()).isEqualTo(last);
        List<LocalDate> expectedMakeup = makeup == null ? List.of()
                : Arrays.stream(makeup.split(";")).map(LocalDate::parse).toList();
        assertThat(period.makeupWorkdays()).containsExactlyElementsOf(expectedMakeup);
    }

    @Test
    void everyYearFrom2015To2026HasTheSevenFestivals() {
        List<String> festivals = List.of("New Year", "Spring Festival", "Qingming", "Labour Day", "Dragon Boat",
                "National Day");
        IntStream.rangeClosed(2015, 2026).forEach(year -> festivals.forEach(festival ->
                assertThat(china.occurrence(festival, year)).as(festival + " " + year).isPresent()));
        // Mid-Autumn has its own break unless it falls inside National Day's.
        assertThat(IntStream.rangeClosed(2015, 2026).filter(y -> china.occurrence("Mid-Autumn", y).isEmpty()))
                .containsExactly(2017, 2020, 2023, 2025);
        assertThat(china.firstYear()).isEqualTo(2015);
        assertThat(china.lastYear()).isEqualTo(2026);
    }

    @Test
    void makeUpWorkdaysAreWorkedAndBreakDaysAreOff() {
        LocalDate makeupSunday = LocalDate.of(2024, 2, 4);
        LocalDate breakWednesday = LocalDate.of(2024, 2, 14);
        LocalDate ordinarySunday = LocalDate.of(2024, 3, 3);
        LocalDate ordinaryMonday = LocalDate.of(2024, 3, 4);

        assertThat(china.isMakeupWorkday(makeupSunday)).isTrue();
        assertThat(china.isDayOff(makeupSunday)).isFalse();
        assertThat(china.isDayOff(breakWednesday)).isTrue();
        assertThat(china.isDayOff(ordinarySunday)).isTrue();
        assertThat(china.isDayOff(ordinaryMonday)).isFalse();
    }

    @Test
    void springFestivalHasAWeekOfLeadInAndAfterEffect() {
        HolidayPeriod festival2024 = china.occurrence("Spring Festival", 2024).orElseThrow();

        assertThat(china.positionsOn(LocalDate.of(2024, 2, 3)))
                .containsExactly(new HolidayDay("Spring Festival", HolidayDay.Phase.LEAD_IN, -7));
        assertThat(china.positionsOn(LocalDate.of(2024, 2, 10)))
                .containsExactly(new HolidayDay("Spring Festival", HolidayDay.Phase.DAY, 1));
        assertThat(china.positionsOn(LocalDate.of(2024, 2, 24)))
                .containsExactly(new HolidayDay("Spring Festival", HolidayDay.Phase.AFTER, 7));
        assertThat(china.positionsOn(LocalDate.of(2024, 2, 25))).isEmpty();
        assertThat(china.windowPositions(festival2024)).hasSize(7 + 8 + 7);
    }

    @Test
    void userFileGroupsConsecutiveDatesIntoOneBreak() {
        String csv = """
                date,name
                2024-06-17,618
                2024-06-18,618
                2024-11-11,Double 11
                2025-06-18,618
                """;

        HolidayCalendar promotions = HolidayCalendar.fromDateNameCsv(new StringReader(csv), "promotions.csv");

        assertThat(promotions.occurrence("618", 2024).orElseThrow().length()).isEqualTo(2);
        assertThat(promotions.occurrence("618", 2025).orElseThrow().length()).isEqualTo(1);
        assertThat(promotions.positionsOn(LocalDate.of(2024, 11, 12)))
                .containsExactly(new HolidayDay("Double 11", HolidayDay.Phase.AFTER, 1));
        HolidayCalendar both = china.merge(promotions);
        assertThat(both.occurrence("Double 11", 2024)).isPresent();
        assertThat(both.window("Spring Festival")).isEqualTo(new HolidayWindow(7, 7));
    }

    @Test
    void aPromotionCanBeGivenItsOwnPresaleWindow() {
        HolidayCalendar promotions = HolidayCalendar.fromDateNameCsv(
                new StringReader("date,name\n2024-11-11,Double 11\n"), "promotions.csv")
                .withWindow("Double 11", new HolidayWindow(10, 0));

        assertThat(promotions.positionsOn(LocalDate.of(2024, 11, 1)))
                .containsExactly(new HolidayDay("Double 11", HolidayDay.Phase.LEAD_IN, -10));
        assertThat(promotions.positionsOn(LocalDate.of(2024, 11, 12))).isEmpty();
    }

    @Test
    void userFileErrorsNameTheLine() {
        String csv = "date,name\n2024-06-18,618\n2024-13-01,oops\n";

        assertThatThrownBy(() -> HolidayCalendar.fromDateNameCsv(new StringReader(csv), "h.csv"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("h.csv, line 3, column date: not a date (expected YYYY-MM-DD): '2024-13-01'");
        assertThatThrownBy(() -> HolidayCalendar.fromDateNameCsv(new StringReader("day,name\n2024-06-18,618\n"), "h.csv"))
                .hasMessageContaining("missing column 'date'");
    }
}
