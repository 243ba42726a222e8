package io.keliu.local.simulator;

/**
 * How simulated customers lapse, and how that is linked with their service cases (docs/local-stack.md, "How simulated
 * customers lapse").
 *
 * @param afterOrder               chance that an order is the customer's last
 * @param afterBadExperience       chance that a customer who complained or rated a case 1–2 since their last order
 *                                 leaves instead of ordering again
 * @param lastOrderComplaintWeight how much likelier a lapsing customer's last order is than another recent order to
 *                                 be the one a complaint is about
 */
record Lapsing(double afterOrder, double afterBadExperience, double lastOrderComplaintWeight) {
    /**
     * The simulator's assumption: a modest link. After a bad experience the chance to lapse at the next order about
     * doubles (0.1 → 0.19); complaint-handling surveys since TARP's report repurchase intent roughly halved when a
     * complaint is not put right. The drop-out after an order is BG/NBD's; its fit to the CDNOW panel puts the mean
     * chance near 0.25, and the simulated shop keeps customers longer.
     */
    static final Lapsing USUAL = new Lapsing(0.1, 0.1, 2);
}
