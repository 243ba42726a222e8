package io.keliu.local.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** A fixed set of choices drawn in proportion to their weights. */
final class Weighted<T> {
    private final List<T> choices = new ArrayList<>();
    private final List<Double> cumulativeWeights = new ArrayList<>();
    private double total;

    static <T> Weighted<T> of() {
        return new Weighted<>();
    }

    Weighted<T> add(double weight, T choice) {
        total += weight;
        choices.add(choice);
        cumulativeWeights.add(total);
        return this;
    }

    T draw(RandomGenerator random) {
        double point = random.nextDouble(total);
        for (int i = 0; i < choices.size(); i++) {
            if (point < cumulativeWeights.get(i)) {
                return choices.get(i);
            }
        }
        return choices.getLast();
    }
}
