package io.keliu.analytics.rfm;

/**
 * Weights of the design note's (seed 002) score α·R + β·F + γ·M, applied to the 1–5 scores, not to raw days and money:
 * on raw values the money term dominates (0.4 × 5000 yuan dwarfs 0.3 × 5 orders) and more days since the last
 * purchase would wrongly raise the score. On scores every term has the same range and recent means high.
 */
public record RfmWeights(double recency, double frequency, double monetary) {

    /** The design note's example weights. */
    public static final RfmWeights DEFAULT = new RfmWeights(0.3, 0.3, 0.4);

    public RfmWeights {
        if (recency < 0 || frequency < 0 || monetary < 0 || recency + frequency + monetary == 0) {
            throw new IllegalArgumentException("weights must be non-negative and not all zero");
        }
    }

    /** The weighted score of three 1–5 scores; between 1 and 5 when the weights sum to 1. */
    public double score(int r, int f, int m) {
        return recency * r + frequency * f + monetary * m;
    }
}
