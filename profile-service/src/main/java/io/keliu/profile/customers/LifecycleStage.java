package io.keliu.profile.customers;

/**
 * Where a customer stands (seed 002's acquire / retain / develop / win back), judged against the customer's own
 * purchase rhythm: see {@link Lifecycles}.
 */
public enum LifecycleStage {
    /** Known (profile, or orders that were all refunded) but no purchase occasion yet. */
    PROSPECT,
    /** One purchase day, within the usual gap. */
    NEW,
    /** Buys within the usual gap. */
    ACTIVE,
    /** Silent for longer than at-risk-factor × the usual gap. */
    AT_RISK,
    /** Silent for longer than churned-factor × the usual gap. */
    CHURNED,
    /** Bought again after a silence longer than churned-factor × the usual gap before it. */
    WON_BACK
}
