package io.keliu.analytics.feedback;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Weights computed by hand from the definition in docs/analytics.md. */
class TfIdfTest {

    private final TfIdf model = TfIdf.fit(List.of(List.of("a", "a", "b"), List.of("b", "c")));

    @Test
    void weightsAreSublinearTermFrequencyTimesSmoothedIdfScaledToUnitLength() {
        double idfA = Math.log(3.0 / 2) + 1; // 2 texts, 1 holds a
        double idfB = 1;                     // both hold b: ln(3/3) + 1
        double a = (1 + Math.log(2)) * idfA;
        double norm = Math.sqrt(a * a + idfB * idfB);

        SparseVector first = model.vector(List.of("a", "a", "b"));

        assertThat(first.terms()).containsExactly(0, 1);
        assertThat(first.weights()[0]).isCloseTo(a / norm, within(1e-12));
        assertThat(first.weights()[1]).isCloseTo(idfB / norm, within(1e-12));
        assertThat(first.weights()[0]).isCloseTo(0.9219, within(1e-4));
    }

    @Test
    void cosineIsTheDotProductOfUnitVectors() {
        SparseVector first = model.vector(List.of("a", "a", "b"));
        SparseVector second = model.vector(List.of("b", "c"));
        double idfC = Math.log(3.0 / 2) + 1;

        assertThat(first.cosine(first)).isCloseTo(1, within(1e-12));
        assertThat(first.cosine(second)).isCloseTo(first.weights()[1] * (1 / Math.sqrt(1 + idfC * idfC)),
                within(1e-12));
        assertThat(first.cosine(model.vector(List.of("c")))).isZero();
    }

    @Test
    void aTermNeverCountedIsAsRareAsCanBe() {
        SparseVector unseen = model.vector(List.of("b", "z"));

        assertThat(model.term(unseen.terms()[1])).isEqualTo("z");
        assertThat(model.idf(unseen.terms()[1])).isCloseTo(Math.log(3.0) + 1, within(1e-12));
        assertThat(model.vector(List.of())).isEqualTo(SparseVector.EMPTY);
    }
}
