package io.keliu.analytics.forecast.regions;

import io.keliu.analytics.forecast.SimulatedTraffic;
import io.keliu.analytics.forecast.holidays.HolidayCalendar;
import io.keliu.analytics.forecast.models.AutoForecaster;
import io.keliu.analytics.forecast.models.Regressors;
import io.keliu.analytics.forecast.series.DailySeries;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HotRegionsTest {

    @Test
    void aSmallRegionSurgingAgainstItsOwnForecastIsHottestThoughNotBusiest() {
        LocalDate start = LocalDate.of(2023, 1, 1);
        DailySeries bigSteady = new SimulatedTraffic(5000, 0.1, 0.0, 0.05).generate(start, 400, 1);
        DailySeries smallSteady = new SimulatedTraffic(300, 0.1, 0.0, 0.05).generate(start, 400, 2);
        double[] surging = new SimulatedTraffic(300, 0.1, 0.0, 0.05).generate(start, 400, 3).values();
        for (int t = 386; t < 400; t++) {
            surging[t] *= 1.5;
        }
        Map<String, DailySeries> regions = Map.of("Shanghai", bigSteady, "Hangzhou", smallSteady,
                "Suzhou", new DailySeries(start, surging));

        List<HotRegions.RegionRank> ranking = HotRegions.rank(regions, 14,
                AutoForecaster.standard(HolidayCalendar.chinaMainland(), Regressors.none()));

        assertThat(ranking).extracting(HotRegions.RegionRank::region).startsWith("Suzhou");
        assertThat(ranking.getFirst().growth()).isCloseTo(0.5, within(0.15));
        assertThat(ranking.getFirst().growthRank()).isEqualTo(1);
        HotRegions.RegionRank shanghai = ranking.stream().filter(r -> r.region().equals("Shanghai")).findFirst()
                .orElseThrow();
        assertThat(shanghai.trafficRank()).isEqualTo(1);
        assertThat(Math.abs(shanghai.growth())).isLessThan(0.1);
    }
}
