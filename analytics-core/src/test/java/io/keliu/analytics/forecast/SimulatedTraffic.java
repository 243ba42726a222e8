package io.keliu.analytics.forecast;

import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.holidays.HolidayDay;
import io.keliu.analytics.forecast.series.DailySeries;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * Daily shop traffic with known structure: a linear trend, a weekly pattern driven by whether the day is worked
 * (so make-up working days look like weekdays), a yearly cycle, Chinese holiday effects and lognormal noise.
 * Seeded, so every test and benchmark sees the same series.
 */
public final class SimulatedTraffic {
    /** Workday traffic relative to a day off, Monday to Friday: Friday evenings are busier. */
    private static final double[] WORKDAY_FACTORS = {0.70, 0.72, 0.74, 0.76, 0.90};
    public static final double SPRING_FESTIVAL_BREAK_FACTOR = 0.55;
    public static final double SPRING_FESTIVAL_LEAD_IN_FACTOR = 1.35;
    public static final double NATIONAL_DAY_FACTOR = 1.6;
    public static final double OTHER_HOLIDAY_FACTOR = 1.25;

    private final HolidayCalendar calendar = HolidayCalendar.chinaMainland();
    private final double level;
    private final double yearlyAmplitude;
    private final double annualGrowth;
    private final double noise;

    public SimulatedTraffic(double level, double yearlyAmplitude, double annualGrowth, double noise) {
        this.level = level;
        this.yearlyAmplitude = yearlyAmplitude;
        this.annualGrowth = annualGrowth;
        this.noise = noise;
    }

    public static SimulatedTraffic typical() {
        return new SimulatedTraffic(1000, 0.15, 0.10, 0.08);
    }

    /** A random but plausible shop: level, seasonality, growth and noise drawn from the seed. */
    public static SimulatedTraffic randomShop(Random random) {
        return new SimulatedTraffic(50 + random.nextDouble() * 2000, 0.05 + 0.2 * random.nextDouble(),
                -0.1 + 0.3 * random.nextDouble(), 0.05 + 0.1 * random.nextDouble());
    }

    public DailySeries generate(LocalDate start, int days, long seed) {
        Random random = new Random(seed);
        double[] values = new double[days];
        for (int t = 0; t < days; t++) {
            values[t] = Math.round(expected(start, start.plusDays(t)) * Math.exp(noise * random.nextGaussian()));
        }
        return new DailySeries(start, values);
    }

    /** The noise-free traffic on a date: what a perfect model would forecast (up to the lognormal median). */
    public double expected(LocalDate start, LocalDate date) {
        double years = (date.toEpochDay() - start.toEpochDay()) / 365.25;
        double yearly = 1 + yearlyAmplitude * Math.sin(2 * Math.PI * date.getDayOfYear() / 365.25);
        return level * (1 + annualGrowth * years) * yearly * weekly(date) * holidayFactor(date);
    }

    private double weekly(LocalDate date) {
        if (calendar.isDayOff(date)) {
            return 1;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        int index = weekday.getValue() <= 5 ? weekday.getValue() - 1 : 0;
        return WORKDAY_FACTORS[index];
    }

    private double holidayFactor(LocalDate date) {
        double factor = 1;
        for (HolidayDay position : calendar.positionsOn(date)) {
            factor *= switch (position.holiday()) {
                case "Spring Festival" -> switch (position.phase()) {
                    case LEAD_IN -> SPRING_FESTIVAL_LEAD_IN_FACTOR;
                    case DAY -> SPRING_FESTIVAL_BREAK_FACTOR;
                    case AFTER -> 0.9;
                };
                case "National Day" -> position.phase() == HolidayDay.Phase.DAY ? NATIONAL_DAY_FACTOR : 1.1;
                default -> position.phase() == HolidayDay.Phase.DAY ? OTHER_HOLIDAY_FACTOR : 1;
            };
        }
        return factor;
    }
}
