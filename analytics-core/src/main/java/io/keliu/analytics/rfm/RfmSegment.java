package io.keliu.analytics.rfm;

/**
 * Named segments on the recency × frequency grid of scores, the widely used map of 11 segments (R first, then F):
 * 5[4-5] champions, [3-4][4-5] loyal, [4-5][2-3] potential loyalists, 51 new, 41 promising, 33 need attention,
 * 3[1-2] about to sleep, [1-2][3-4] at risk, [1-2]5 can't lose, 11 lost, other [1-2][1-2] hibernating.
 * Monetary value is left out of the naming on purpose: it is reported separately and highly correlated with F.
 */
public enum RfmSegment {
    CHAMPIONS("champions", "bought recently, buy often: reward them, ask for reviews"),
    LOYAL("loyal", "buy often and fairly recently: offer membership, upsell"),
    POTENTIAL_LOYALISTS("potential loyalists", "recent customers with a few purchases: offer loyalty programmes"),
    NEW("new", "first purchase very recently: onboard them"),
    PROMISING("promising", "recent one-time buyers: build brand awareness"),
    NEED_ATTENTION("need attention", "average recency and frequency: limited-time offers"),
    ABOUT_TO_SLEEP("about to sleep", "below-average recency and frequency: reactivate before they are lost"),
    AT_RISK("at risk", "bought often, but long ago: win them back with personal offers"),
    CANT_LOSE("can't lose", "used to buy most often, not seen for long: win back at high priority"),
    HIBERNATING("hibernating", "long ago and rarely: general offers at low cost"),
    LOST("lost", "longest ago and least often: ignore unless cheap to reach");

    private final String label;
    private final String advice;

    RfmSegment(String label, String advice) {
        this.label = label;
        this.advice = advice;
    }

    public String label() {
        return label;
    }

    public String advice() {
        return advice;
    }

    /** The segment of a recency score and a frequency score, both 1–5. */
    public static RfmSegment of(int r, int f) {
        if (r < 1 || r > 5 || f < 1 || f > 5) {
            throw new IllegalArgumentException("scores must be 1-5, got R=" + r + ", F=" + f);
        }
        if (r <= 2) {
            return f == 5 ? CANT_LOSE : f >= 3 ? AT_RISK : r == 1 && f == 1 ? LOST : HIBERNATING;
        }
        if (r == 3) {
            return f >= 4 ? LOYAL : f == 3 ? NEED_ATTENTION : ABOUT_TO_SLEEP;
        }
        if (f >= 4) {
            return r == 5 ? CHAMPIONS : LOYAL;
        }
        if (f >= 2) {
            return POTENTIAL_LOYALISTS;
        }
        return r == 5 ? NEW : PROMISING;
    }
}
