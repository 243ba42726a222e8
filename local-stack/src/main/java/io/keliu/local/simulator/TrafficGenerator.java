package io.keliu.local.simulator;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop's traffic, one event at a time: a new order, a later version of an open order, or a log line, with the
 * service desk's cases due by then. Every draw comes from one seeded generator, so a seed and the same event times
 * reproduce the same records.
 */
public final class TrafficGenerator {
    static final double LOG_SHARE = 0.25;
    private static final double LATER_VERSION_SHARE = 0.15;

    private final RandomGenerator random;
    private final OrderGenerator orders;
    private final LogGenerator logs;
    private final FeedbackGenerator feedback;
    private final Malformer malformer = new Malformer(JsonMapper.builder().build());

    public TrafficGenerator(long seed) {
        this(seed, 1, Lapsing.USUAL);
    }

    /**
     * @param feedbackScale of the service desk's daily case count: below 1 for a run with fewer orders a day
     * @param lapsing       how customers lapse
     */
    TrafficGenerator(long seed, double feedbackScale, Lapsing lapsing) {
        this.random = new Random(seed);
        String runTag = String.format("%04x", random.nextInt(0x10000));
        this.orders = new OrderGenerator(runTag, lapsing);
        this.logs = new LogGenerator(runTag);
        this.feedback = new FeedbackGenerator(runTag, orders.recentOrders(), orders::badExperience, feedbackScale,
                lapsing);
    }

    /** The raw records of one event at {@code time} (Asia/Shanghai local time). */
    public List<RawRecord> eventAt(LocalDateTime time) {
        double draw = random.nextDouble();
        List<Draft> drafts = new ArrayList<>();
        if (draw < LOG_SHARE) {
            drafts.addAll(logs.next(time, random));
        } else if (draw < LOG_SHARE + LATER_VERSION_SHARE) {
            drafts.addAll(orders.laterVersion(time, random).orElseGet(() -> orders.newOrder(time, random)));
        } else {
            drafts.addAll(orders.newOrder(time, random));
        }
        drafts.addAll(feedback.due(time, random));
        return drafts.stream().map(draft -> malformer.write(draft, random)).toList();
    }
}
