package io.keliu.analytics.baskets;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mining stops with advice instead of exhausting memory or time (the figures are in docs/benchmarks.md). */
class MiningLimitsTest {

    private static Set<String> basket(int items) {
        return IntStream.range(0, items).mapToObj(i -> "item" + i).collect(Collectors.toSet());
    }

    @Test
    void aHugeBasketIsRefusedBeforeAnySearchWhenOneBasketIsEnough() {
        Baskets baskets = Baskets.of(List.of(basket(100_000)));

        assertThatThrownBy(() -> RuleMiner.of(0.5, 0.5).mine(baskets)).isInstanceOf(RuleMiner.TooManyRules.class)
                .hasMessageContaining("a basket of 100,000 items holds")
                .hasMessageContaining("a higher support");
    }

    @Test
    void sixteenItemsBoughtTogetherGiveAtMostFiveItemRulesByDefault() {
        Baskets baskets = Baskets.of(List.of(basket(16)));

        List<AssociationRule> rules = RuleMiner.of(1, 0).mine(baskets);

        // k · C(16, k) rules per itemset size k = 2..5: 240 + 1,680 + 7,280 + 21,840
        assertThat(rules).hasSize(31_040);
        assertThatThrownBy(() -> RuleMiner.of(1, 0).withMaxRules(30_000).mine(baskets))
                .hasMessageStartingWith("more than 30000 rules at support 1 in 1 baskets");
    }

    @Test
    void aSearchPastItsTimeStops() {
        List<Set<String>> dense = IntStream.range(0, 2_000)
                .mapToObj(b -> IntStream.range(0, 40).filter(i -> (i * 7 + b) % 9 != 0).mapToObj(i -> "i" + i)
                        .collect(Collectors.toSet())).toList();

        assertThatThrownBy(() -> RuleMiner.of(0.01, 0.9).withMaxLength(8).withMaxRules(Integer.MAX_VALUE / 20)
                .withMaxTime(Duration.ofMillis(1)).mine(Baskets.of(dense)))
                .hasMessageContaining("took more than");
    }
}
