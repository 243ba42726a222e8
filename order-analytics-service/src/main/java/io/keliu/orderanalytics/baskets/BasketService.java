package io.keliu.orderanalytics.baskets;

import io.keliu.analytics.baskets.AssociationRule;
import io.keliu.analytics.baskets.Baskets;
import io.keliu.analytics.baskets.RuleMiner;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        List<AssociationRule> rules = RuleMiner.of(query.minSupport(), query.minConfidence())
                .withMinLift(query.minLift()).mine(baskets);
        if (rules.size() > properties.maxRules()) {
            throw new BadParameterException("minSupport", "these thresholds give " + rules.size()
                    + " rules, more than " + properties.maxRules() + "; ask for a higher minSupport");
        }
        List<AssociationRule> matching = query.item() == null ? rules : rules.stream()
                .filter(rule -> rule.antecedent().contains(query.item()) || rule.consequent().contains(query.item()))
                .toList();
        return new RuleResult(matching.size(), baskets.size(), current.fittedAt(),
                matching.stream().limit(query.limit()).toList());
    }

    /**
     * The baskets of orders: each order's items (products, or their categories) that its current lines still buy,
     * i.e. of its sale lines less what its refund lines take back.
     */
    static Baskets baskets(List<OrderLine> window, boolean categories) {
        Map<String, Map<String, Integer>> byOrder = new LinkedHashMap<>();
        for (OrderLine line : window) {
            String item = categories ? orUnknown(line.category()) : line.productId();
            int quantity = OrderFacts.isSale(line) ? line.quantity()
                    : line.amount().signum() < 0 ? -Math.abs(line.quantity()) : 0;
            byOrder.computeIfAbsent(line.orderId(), id -> new LinkedHashMap<>()).merge(item, quantity, Integer::sum);
        }
        List<Set<String>> baskets = byOrder.values().stream().map(items -> {
            Set<String> basket = new LinkedHashSet<>();
            items.forEach((item, quantity) -> {
                if (quantity > 0) {
                    basket.add(item);
                }
            });
            return basket;
        }).filter(basket -> !basket.isEmpty()).toList();
        return Baskets.of(baskets);
    }

    private static String orUnknown(String category) {
        return category == null || category.isBlank() ? OrderFacts.UNKNOWN : category;
    }
}
