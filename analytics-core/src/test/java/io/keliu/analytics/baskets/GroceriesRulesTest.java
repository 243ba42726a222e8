package io.keliu.analytics.baskets;

import io.keliu.analytics.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The rule counts published for the arules "Groceries" data (9,835 baskets, 169 items). */
class GroceriesRulesTest {

    private static Baskets groceries;

    @BeforeAll
    static void readBaskets() {
        groceries = Baskets.readBasketFile(TestData.path("groceries/groceries.csv"));
    }

    @Test
    void readsAllBasketsAndItems() {
        assertThat(groceries.size()).isEqualTo(9835);
        assertThat(groceries.items()).hasSize(169);
        assertThat(groceries.items().getFirst()).isEqualTo("whole milk");
    }

    @Test
    void support0005Confidence05Gives120Rules() {
        assertThat(RuleMiner.of(0.005, 0.5).mine(groceries)).hasSize(120);
    }

    @Test
    void support0001Confidence05Gives5668RulesAtArulesDefaultMaxLength() {
        assertThat(RuleMiner.of(0.001, 0.5).withMaxLength(10).withMaxTime(Duration.ZERO).mine(groceries)).hasSize(5668);
    }

    @Test
    void support0006Confidence025MinLength2Gives463Rules() {
        assertThat(RuleMiner.of(0.006, 0.25).withMinLength(2).mine(groceries)).hasSize(463);
    }

    @Test
    void ruleMeasuresAgreeWithTheirDefinitions() {
        List<AssociationRule> rules = RuleMiner.of(0.005, 0.5).mine(groceries);
        AssociationRule strongest = rules.getFirst();

        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.antecedent()).isNotEmpty();
            assertThat(rule.consequent()).hasSize(1);
            assertThat(rule.support()).isGreaterThanOrEqualTo(0.005);
            assertThat(rule.confidence()).isGreaterThanOrEqualTo(0.5);
        });
        assertThat(rules).isSortedAccordingTo((a, b) -> Double.compare(b.lift(), a.lift()));
        double consequentSupport = strongest.confidence() / strongest.lift();
        assertThat(strongest.conviction()).isCloseTo((1 - consequentSupport) / (1 - strongest.confidence()),
                within(1e-9));
        assertThat(strongest.leverage()).isCloseTo(
                strongest.support() - strongest.support() / strongest.confidence() * consequentSupport, within(1e-12));
    }

    @Test
    void minLiftDropsNegativeAssociations() {
        List<AssociationRule> all = RuleMiner.of(0.006, 0.25).mine(groceries);
        List<AssociationRule> positive = RuleMiner.of(0.006, 0.25).withMinLift(1).mine(groceries);

        assertThat(positive).allSatisfy(rule -> assertThat(rule.lift()).isGreaterThanOrEqualTo(1));
        assertThat(positive.size()).isLessThanOrEqualTo(all.size());
    }
}
