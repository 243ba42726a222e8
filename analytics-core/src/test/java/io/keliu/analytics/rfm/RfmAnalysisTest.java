package io.keliu.analytics.rfm;

import io.keliu.analytics.TestData;
import io.keliu.analytics.customers.CdnowTransactions;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RfmAnalysisTest {

    private static final List<CustomerSummary> CDNOW = CustomerSummaries.asOf(
            CdnowTransactions.read(TestData.path("cdnow/CDNOW_sample.txt")), LocalDate.of(1998, 6, 30));

    @Test
    void recentCustomersScoreHighOnRecency() {
        List<RfmScore> scores = RfmAnalysis.score(CDNOW, RfmWeights.DEFAULT);

        double recentDays = meanDays(scores, 5);
        double oldDays = meanDays(scores, 1);
        assertThat(recentDays).isLessThan(oldDays);
        assertThat(scores.stream().filter(s -> s.r() == 5).count()).isBetween(400L, 540L);
    }

    @Test
    void championsSpendMoreThanLostCustomers() {
        Map<RfmSegment, Double> meanSpend = RfmAnalysis.score(CDNOW, RfmWeights.DEFAULT).stream()
                .collect(Collectors.groupingBy(RfmScore::segment, Collectors.averagingDouble(RfmScore::monetaryValue)));

        assertThat(meanSpend.get(RfmSegment.CHAMPIONS)).isGreaterThan(3 * meanSpend.get(RfmSegment.LOST));
    }

    @Test
    void weightedScoreUsesScoresNotRawUnits() {
        RfmScore score = RfmAnalysis.score(CDNOW, RfmWeights.DEFAULT).getFirst();

        assertThat(score.weightedScore()).isCloseTo(0.3 * score.r() + 0.3 * score.f() + 0.4 * score.m(), within(1e-12))
                .isBetween(1.0, 5.0);
        assertThat(score.cell()).isEqualTo("" + score.r() + score.f() + score.m());
    }

    @Test
    void theSeedsRawUnitExampleIsDominatedByMoney() {
        double raw = 0.3 * 30 + 0.3 * 5 + 0.4 * 5000;

        assertThat(raw).isCloseTo(2010.5, within(1e-9));
        assertThat(0.4 * 5000 / raw).as("share of the money term").isGreaterThan(0.99);
        assertThat(RfmWeights.DEFAULT.score(5, 5, 5)).isCloseTo(5, within(1e-12));
    }

    @Test
    void segmentMapCoversTheGrid() {
        assertThat(RfmSegment.of(5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmSegment.of(1, 5)).isEqualTo(RfmSegment.CANT_LOSE);
        assertThat(RfmSegment.of(2, 3)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmSegment.of(5, 1)).isEqualTo(RfmSegment.NEW);
        assertThat(RfmSegment.of(4, 1)).isEqualTo(RfmSegment.PROMISING);
        assertThat(RfmSegment.of(3, 3)).isEqualTo(RfmSegment.NEED_ATTENTION);
        assertThat(RfmSegment.of(1, 1)).isEqualTo(RfmSegment.LOST);
        assertThat(RfmSegment.of(2, 1)).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(RfmSegment.of(4, 3)).isEqualTo(RfmSegment.POTENTIAL_LOYALISTS);
        assertThat(RfmSegment.of(3, 5)).isEqualTo(RfmSegment.LOYAL);
    }

    private static double meanDays(List<RfmScore> scores, int r) {
        return scores.stream().filter(s -> s.r() == r).mapToLong(RfmScore::daysSinceLastPurchase).average()
                .orElseThrow();
    }
}
