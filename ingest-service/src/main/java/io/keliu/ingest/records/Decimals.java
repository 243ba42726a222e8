package io.keliu.ingest.records;

import java.math.BigDecimal;

/**
 * One written form per amount, whether it came from a source ("59.8", "59.80") or back from a numeric(19,4) column
 * ("59.8000"): at least two decimal places, no trailing zeros beyond them. The "before" and "after" of a change event
 * then show the same amount the same way.
 */
public final class Decimals {
    private Decimals() {
    }

    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
