package io.keliu.orderanalytics.baskets;

import io.keliu.analytics.baskets.AssociationRule;
import io.keliu.analytics.baskets.Baskets;
import io.keliu.analytics.baskets.RuleMiner;
import io.keliu.analytics.io.DataFormatException;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.rollups.OrderFacts;
import io.keliu.orderanalytics.rollups.OrderLineStore;
import io.keliu.orderanalytics.web.BadParameterException;
import io.keliu.orderanalytics.web.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Association rules over the baskets of the last days (FP-growth of analytics-core, the same code as
 * {@code keliu analytics rules --orders}). The baskets are read from the order lines nightly and on demand; each rule
 * query mines them with its own thresholds.
 */
@Service
public class BasketService {
    private static final Logger LOG = LoggerFactory.getLogger(BasketService.class);

    private final OrderLineStore lines;
    private final BasketProperties properties;
    private final Clock clock;
    private volatile Fit fit;

    public BasketService(OrderLineStore lines, BasketProperties properties, Clock clock) {
        this.lines = lines;
        this.properties = properties;
        this.clock = clock;
    }

    public enum Level implements Parameters.ApiWord { PRODUCT, CATEGORY }

    /** The baskets as last read: per level, and when and over which orders. */
    public record Fit(Baskets products, Baskets categories, Instant from, Instant fittedAt) {
        Baskets at(Level level) {
            return level == Level.CATEGORY ? categories : products;
        }
    }

    public record RuleQuery(double minSupport, double minConfidence, double minLift, String item, int limit,
                            Level level) {
    }

    public record RuleResult(int ruleCount, int baskets, Instant fittedAt, List<AssociationRule> rules) {
    }

    @Scheduled(cron = "${keliu.baskets.refit-cron:0 30 2 * * *}", zone = "${keliu.zone:Asia/Shanghai}")
    public Fit refit() {
        Instant now = clock.instant();
        Instant from = now.minus(properties.windowDays(), ChronoUnit.DAYS);
        List<OrderLine> window = lines.createdSince(from);
        fit = new Fit(baskets(window, false), baskets(window, true), from, now);
        LOG.info("baskets refitted: {} orders with products since {}", fit.products().size(), from);
        return fit;
    }

    public Fit current() {
        Fit current = fit;
        return current != null ? current : refit();
    }

    public RuleResult rules(RuleQuery query) {
        Fit current = current();
        Baskets baskets = current.at(query.level());
        if (baskets.size() == 0) {
            return new RuleResult(0, 0, current.fittedAt(), List.of());
        }
        List<AssociationRule> rules;
        try {
            rules = RuleMiner.of(query.minSupport(), query.minConfidence()).withMinLift(query.minLift())
                    .withMaxRules(properties.maxRules()).mine(baskets);
        } catch (RuleMiner.TooManyRules e) {
            throw new BadParameterException("minSupport", e.getMessage() + " (minSupport " + query.minSupport()
                    + " over " + baskets.size() + " baskets); ask for a higher minSupport");
        }
        List<AssociationRule> matching = query.item() == null ? rules : rules.stream()
                .filter(rule -> rule.antecedent().contains(query.item()) || rule.consequent().contains(query.item()))
                .toList();
        return new RuleResult(matching.size(), baskets.size(), current.fittedAt(),
                matching.stream().limit(query.limit()).toList());
    }

    /**
     * The baskets of orders as analytics-core forms them (the CLI's rules): each order's products, or their
     * categories, that its lines still buy after cancellations and refunds.
     */
    static Baskets baskets(List<OrderLine> window, boolean categories) {
        List<OrderLine> lines = categories ? window.stream().map(BasketService::asCategory).toList() : window;
        try {
            return Baskets.fromOrders(lines);
        } catch (DataFormatException noBasket) {
            return Baskets.of(List.of());
        }
    }

    /** The line with its category in place of the product, so that categories form the baskets. */
    private static OrderLine asCategory(OrderLine line) {
        return new OrderLine(line.orderId(), line.lineKey(), line.userId(), line.anonymous(), line.createdAt(),
                line.paidAt(), orUnknown(line.category()), line.category(), line.quantity(), line.unitPrice(),
                line.amount(), line.shippingAddress(), line.province(), line.city(), line.country(), line.orderType(),
                line.channel(), line.status(), line.cancelled(), line.remark(), line.updatedAt());
    }

    private static String orUnknown(String category) {
        return category == null || category.isBlank() ? OrderFacts.UNKNOWN : category;
    }
}
