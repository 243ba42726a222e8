package io.keliu.local.simulator;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Customers lapse after orders, about twice as often after a bad experience (Lapsing.USUAL). */
class CustomerPoolTest {
    private static final int ORDERS = 100_000;

    @Test
    void aBadExperienceAboutDoublesTheChanceToLapse() {
        double usual = lapsesPerOrder(false);
        double afterBadExperiences = lapsesPerOrder(true);

        assertThat(usual).isCloseTo(Lapsing.USUAL.afterOrder(), within(0.01));
        assertThat(afterBadExperiences).isCloseTo(0.19, within(0.015));
    }

    /** Newcomers per customer order: each takes the place of a customer who lapsed. */
    private static double lapsesPerOrder(boolean everyOrderGoesBadly) {
        CustomerPool pool = new CustomerPool(Lapsing.USUAL);
        Random random = new Random(5);
        Set<String> seen = new HashSet<>();
        int orders = 0;
        int newcomers = 0;
        for (int i = 0; i < ORDERS; i++) {
            CustomerPool.Customer buyer = pool.drawBuyer(random).orElse(null);
            if (buyer == null) {
                continue;
            }
            orders++;
            boolean first = seen.add(buyer.userId());
            newcomers += first && Integer.parseInt(buyer.userId().substring(1)) >= 103000 ? 1 : 0;
            pool.lapsesAfterThisOrder(buyer, random);
            if (everyOrderGoesBadly) {
                pool.badExperience(buyer.userId());
            }
        }
        return (double) newcomers / orders;
    }
}
