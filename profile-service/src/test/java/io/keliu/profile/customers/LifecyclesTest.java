package io.keliu.profile.customers;

import io.keliu.profile.ProfileProperties;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LifecyclesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private final Lifecycles lifecycles = new Lifecycles(new ProfileProperties(ZoneId.of("Asia/Shanghai"),
            new ProfileProperties.Lifecycle(1.5, 3, 30), null, null));

    @Test
    void judgesEachCustomerByItsOwnRhythm() {
        // buys every 10 days: silent 14 days is active, 16 at risk, 31 churned
        assertThat(stage(4, LocalDate.of(2026, 10, 8), LocalDate.of(2026, 11, 17), null, null))
                .isEqualTo(LifecycleStage.ACTIVE);
        assertThat(stage(4, LocalDate.of(2026, 10, 6), LocalDate.of(2026, 11, 15), null, null))
                .isEqualTo(LifecycleStage.AT_RISK);
        assertThat(stage(4, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31), null, null))
                .as("every 15 days, silent 31").isEqualTo(LifecycleStage.AT_RISK);
        assertThat(stage(4, LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 30), null, null))
                .as("every 7.5 days, silent 32").isEqualTo(LifecycleStage.CHURNED);
    }

    @Test
    void oneTimeBuyersUseThePopulationGapAndComebacksAreWonBack() {
        assertThat(stage(0, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), null, null))
                .isEqualTo(LifecycleStage.NEW);
        assertThat(stage(0, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), null, null))
                .as("61 days > 1.5 × 30").isEqualTo(LifecycleStage.AT_RISK);
        // bought every 10 days until 2026-03-01, then nothing until 2026-11-25
        assertThat(stage(3, LocalDate.of(2026, 2, 9), LocalDate.of(2026, 11, 25), LocalDate.of(2026, 3, 1), 10.0))
                .isEqualTo(LifecycleStage.WON_BACK);
    }

    private LifecycleStage stage(int frequency, LocalDate first, LocalDate last, LocalDate previous,
                                 Double previousGap) {
        Facts facts = new Facts(frequency + 1, frequency + 1, frequency, BigDecimal.TEN, 1, 0, first, last, previous,
                previousGap, null, null, List.of(), List.of(), null, null, null);
        return lifecycles.stage(facts, TODAY);
    }
}
