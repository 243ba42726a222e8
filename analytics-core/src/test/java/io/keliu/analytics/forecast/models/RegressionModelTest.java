package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.SimulatedTraffic;
import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.io.DataFormatException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RegressionModelTest {
    private static final LocalDate START = LocalDate.of(2022, 1, 1);
    private final HolidayCalendar china = HolidayCalendar.chinaMainland();

    @Test
    void recoversTheNationalDayLiftFromPastYears() {
        SimulatedTraffic shop = new SimulatedTraffic(1000, 0.1, 0.05, 0.02);
        DailySeries simulated = shop.generate(START, 1000, 5);
        DailySeries history = simulated.head(simulated.indexOf(LocalDate.of(2024, 9, 25)));
        RegressionModel model = new RegressionModel(RegressionModel.Settings.defaults(china));

        double[] forecast = model.forecast(history, 20);

        for (int h = 0; h < 20; h++) {
            LocalDate date = history.dateAt(history.size() + h);
            double truth = shop.expected(START, date);
            assertThat(forecast[h]).as("%s", date).isCloseTo(truth, within(0.08 * truth));
        }
        double nationalDayThird = forecast[history.indexOf(LocalDate.of(2024, 10, 3)) - history.size()];
        double thursdayAfter = forecast[history.indexOf(LocalDate.of(2024, 10, 10)) - history.size()];
        assertThat(nationalDayThird / thursdayAfter).as("break day against an ordinary workday")
                .isCloseTo(SimulatedTraffic.NATIONAL_DAY_FACTOR / 0.76, within(0.2));
    }

    @Test
    void usesExternalRegressorsForTheForecastDays() {
        Random random = new Random(2);
        int days = 200;
        Map<LocalDate, double[]> temperatures = new HashMap<>();
        double[] visitors = new double[days];
        for (int t = 0; t < days + 14; t++) {
            double temperature = 10 + 15 * random.nextDouble();
            temperatures.put(START.plusDays(t), new double[] {temperature});
            if (t < days) {
                visitors[t] = 100 + 6 * temperature + random.nextGaussian() * 3;
            }
        }
        Regressors weather = Regressors.of(List.of("temperature"), temperatures);
        RegressionModel model = new RegressionModel(RegressionModel.Settings.defaults(HolidayCalendar.empty())
                .withRegressors(weather).withLog1pForCounts(false));

        double[] forecast = model.forecast(new DailySeries(START, visitors), 14);

        for (int h = 0; h < 14; h++) {
            double expected = 100 + 6 * temperatures.get(START.plusDays(days + h))[0];
            assertThat(forecast[h]).isCloseTo(expected, within(8.0));
        }
    }

    @Test
    void refusesToGuessAMissingFutureRegressorValue() {
        Map<LocalDate, double[]> temperatures = new HashMap<>();
        START.datesUntil(START.plusDays(100)).forEach(date -> temperatures.put(date, new double[] {20}));
        RegressionModel model = new RegressionModel(RegressionModel.Settings.defaults(HolidayCalendar.empty())
                .withRegressors(Regressors.of(List.of("temperature"), temperatures)));
        DailySeries history = new DailySeries(START, new Random(1).doubles(100, 50, 60).toArray());

        assertThatThrownBy(() -> model.forecast(history, 3))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("forecast date " + START.plusDays(100));
    }
}
