package io.keliu.profile.customers;

import io.keliu.profile.ProfileProperties;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Decides lifecycle stages. A customer's usual gap is its own mean days between purchase days; a customer with one
 * purchase day is measured against the median gap of all repeat customers at the last refit (before the first refit,
 * {@code keliu.lifecycle.default-gap-days}).
 */
@Component
public class Lifecycles {
    private final ProfileProperties.Lifecycle settings;
    private volatile double populationGapDays;

    public Lifecycles(ProfileProperties properties) {
        this.settings = properties.lifecycle();
        this.populationGapDays = settings.defaultGapDays();
    }

    /** Set by a refit: the median of repeat customers' mean gaps. */
    public void populationGap(double days) {
        if (days > 0) {
            populationGapDays = days;
        }
    }

    public double populationGapDays() {
        return populationGapDays;
    }

    public LifecycleStage stage(Facts facts, LocalDate today) {
        if (facts.purchases() == 0) {
            return LifecycleStage.PROSPECT;
        }
        Double own = facts.daysBetweenPurchases();
        double gap = own != null ? own : populationGapDays;
        long silent = ChronoUnit.DAYS.between(facts.lastPurchase(), today);
        if (silent > settings.churnedFactor() * gap) {
            return LifecycleStage.CHURNED;
        }
        if (silent > settings.atRiskFactor() * gap) {
            return LifecycleStage.AT_RISK;
        }
        if (facts.previousPurchase() != null) {
            double before = facts.previousGapDays() != null ? facts.previousGapDays() : populationGapDays;
            if (ChronoUnit.DAYS.between(facts.previousPurchase(), facts.lastPurchase())
                    > settings.churnedFactor() * before) {
                return LifecycleStage.WON_BACK;
            }
        }
        return facts.frequency() == 0 ? LifecycleStage.NEW : LifecycleStage.ACTIVE;
    }
}
