package io.keliu.analytics.churn;

import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Purchase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer service features join the churn model only when they help: on a shop where customers complain after
 * the order they leave after, and on one where complaints fall on customers regardless of lapsing.
 */
class ChurnScorerTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = LocalDate.of(2024, 12, 31);
    private static final int CUSTOMERS = 2000;
    private static final double LAPSE_AFTER_PURCHASE = 0.1;

    @Test
    void complaintsBeforeLapsingAreKeptAndNamedAsAReason() {
        Shop shop = Shop.simulate(true, 7);
        ChurnScorer.Result result = score(shop);

        assertThat(result.feedback().kept()).isTrue();
        assertThat(result.feedback().aucWith()).isGreaterThan(result.feedback().aucWithout() + 0.02);
        List<CustomerSummary> customers = CustomerSummaries.asOf(shop.purchases, END);
        int named = 0;
        for (int i = 0; i < customers.size(); i++) {
            if (openComplaints(shop, customers.get(i).customerId()) > 0 && result.risk()[i] > 0.5) {
                named += result.reasons().get(i).stream().anyMatch(r -> r.startsWith("openComplaints = ")
                        || r.startsWith("complaints = ") || r.startsWith("meanRating = ")) ? 1 : 0;
            }
        }
        assertThat(named).as("risky customers with an open complaint whose reasons name it").isGreaterThan(10);
    }

    @Test
    void complaintsThatSayNothingOfLapsingAreLeftOut() {
        ChurnScorer.Result result = score(Shop.simulate(false, 7));

        assertThat(result.feedback().aucWith()).isNotNull();
        assertThat(result.feedback().kept()).isFalse();
        assertThat(result.reasons()).allSatisfy(reasons -> assertThat(reasons)
                .noneMatch(r -> r.startsWith("complaints") || r.startsWith("openComplaints")
                        || r.startsWith("meanRating")));
    }

    private static ChurnScorer.Result score(Shop shop) {
        return new ChurnScorer(3, 20_000, 42, 0.005).score(shop.purchases, shop.cases,
                CustomerSummaries.asOf(shop.purchases, END), END, 20);
    }

    private static long openComplaints(Shop shop, String customer) {
        return shop.cases.stream().filter(c -> c.customerId().equals(customer) && c.openComplaintOn(END)).count();
    }

    /**
     * Customers arrive over the year, buy at random (exponential gaps of a mean of 10–30 days) and lapse after each
     * purchase with a fixed chance. Some complain (rated 1, resolved 30 days later) a few days after a purchase: when
     * {@code linked}, 40 % of those who lapse do so after their last purchase and 10 % of the others after a random
     * one; otherwise 20 % of everybody after a random one.
     */
    private record Shop(List<Purchase> purchases, List<ServiceCase> cases) {
        static Shop simulate(boolean linked, long seed) {
            Random random = new Random(seed);
            List<Purchase> purchases = new ArrayList<>();
            List<ServiceCase> cases = new ArrayList<>();
            for (int n = 0; n < CUSTOMERS; n++) {
                String id = "C" + n;
                double gap = 10 + random.nextInt(21);
                List<LocalDate> days = new ArrayList<>();
                LocalDate day = START.plusDays(random.nextInt(300));
                boolean lapsed = false;
                while (!day.isAfter(END) && !lapsed) {
                    days.add(day);
                    purchases.add(new Purchase(id, day, 1, 20 + random.nextInt(80)));
                    lapsed = random.nextDouble() < LAPSE_AFTER_PURCHASE;
                    day = day.plusDays(1 + Math.round(-gap * Math.log(1 - random.nextDouble())));
                }
                double complains = !linked ? 0.2 : lapsed ? 0.4 : 0.1;
                if (random.nextDouble() < complains) {
                    LocalDate about = linked && lapsed ? days.getLast() : days.get(random.nextInt(days.size()));
                    LocalDate raised = about.plusDays(1 + random.nextInt(5));
                    cases.add(new ServiceCase(id, raised, true, 1, raised.plusDays(30)));
                }
            }
            return new Shop(purchases, cases);
        }
    }
}
