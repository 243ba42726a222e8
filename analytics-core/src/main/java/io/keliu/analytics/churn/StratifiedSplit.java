package io.keliu.analytics.churn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded train/validation split that keeps the churn rate equal in both parts, so that the validation metrics of
 * a rare churn class are not at the mercy of chance.
 *
 * @param train      row indexes to fit on
 * @param validation row indexes to evaluate on
 */
record StratifiedSplit(int[] train, int[] validation) {

    static StratifiedSplit of(int[] rows, int[] labels, double validationShare, long seed) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        for (int label = 0; label <= 1; label++) {
            List<Integer> stratum = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                if (labels[i] == label) {
                    stratum.add(rows[i]);
                }
            }
            Collections.shuffle(stratum, random);
            int held = (int) Math.round(stratum.size() * validationShare);
            validation.addAll(stratum.subList(0, held));
            train.addAll(stratum.subList(held, stratum.size()));
        }
        Collections.sort(train);
        Collections.sort(validation);
        return new StratifiedSplit(train.stream().mapToInt(Integer::intValue).toArray(),
                validation.stream().mapToInt(Integer::intValue).toArray());
    }
}
