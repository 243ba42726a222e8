package io.keliu.analytics.forecast.models;

import io.keliu.analytics.forecast.SimulatedTraffic;
import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.series.DailySeries;
import io.keliu.analytics.io.DataFormatException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoForecasterTest {
    private final HolidayCalendar china = HolidayCalendar.chinaMainland();
    private final DailySeries twoYears = SimulatedTraffic.typical().generate(LocalDate.of(2023, 1, 1), 730, 9);

    @Test
    void holdoutForecastsExactlyTheHeldOutDatesAndScoresThem() {
        Forecast forecast = AutoForecaster.standard(china, Regressors.none()).forecastHoldout(twoYears, 30);

        assertThat(forecast.points()).hasSize(30);
        assertThat(forecast.points().getFirst().date()).isEqualTo(twoYears.dateAt(700));
        assertThat(forecast.points().getLast().date()).isEqualTo(twoYears.end());
        assertThat(forecast.accuracy().basis()).isEqualTo("holdout");
        double[] heldOut = twoYears.tail(30).values();
        double scale = Metrics.seasonalNaiveScale(twoYears.head(700));
        assertThat(forecast.accuracy().mase()).isEqualTo(Metrics.mase(heldOut, forecast.values(), scale));
        assertThat(forecast.accuracy().coverage())
                .isEqualTo(Metrics.coverage(heldOut, forecast.lowers(), forecast.uppers()));
        assertThat(forecast.candidates()).extracting(CandidateScore::model)
                .containsExactly("naive", "ets", "ets-yearly", "regression", "combined");
        assertThat(forecast.points()).allSatisfy(point -> {
            assertThat(point.lower()).isLessThanOrEqualTo(point.value());
            assertThat(point.upper()).isGreaterThanOrEqualTo(point.value());
        });
    }

    @Test
    void theCalendarAwareModelWinsOnHolidayDrivenTraffic() {
        Forecast forecast = AutoForecaster.standard(china, Regressors.none()).forecast(twoYears, 14);

        assertThat(forecast.model()).isIn("regression", "combined");
        assertThat(forecast.accuracy().basis()).isEqualTo("rolling-origin");
        assertThat(forecast.accuracy().origins()).isEqualTo(AutoForecaster.DEFAULT_ORIGINS);
        assertThat(forecast.accuracy().coverage()).isBetween(0.6, 0.95);
    }

    @Test
    void aForcedModelIsUsedEvenWhenAnotherWouldScoreBetter() {
        Forecast forecast = AutoForecaster.only(new SeasonalNaive()).forecast(twoYears, 7);

        assertThat(forecast.model()).isEqualTo("naive");
        assertThat(forecast.accuracy().mase()).isEqualTo(forecast.accuracy().naiveMase());
    }

    @Test
    void rejectsANonPositiveHorizonAndATooShortSeries() {
        AutoForecaster forecaster = AutoForecaster.standard(china, Regressors.none());

        assertThatThrownBy(() -> forecaster.forecast(twoYears, 0))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("horizon must be positive");
        assertThatThrownBy(() -> forecaster.forecast(twoYears.head(60), 14))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("too short");
    }
}
