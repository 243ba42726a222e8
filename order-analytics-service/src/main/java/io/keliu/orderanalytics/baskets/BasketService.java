package io.keliu.orderanalytics.baskets;

import io.keliu.analytics.baskets.AssociationRule;
import io.keliu.analytics.baskets.Baskets;
import io.keliu.analytics.baskets.RuleMiner;
import io.keliu.analytics.customers.OrderNetting;
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
import java.util.ArrayList;
import java.util.HashMap;
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
        BasketCollector products = new BasketCollector(false);
        BasketCollector categories = new BasketCollector(true);
        lines.forEachCreatedSince(from, line -> {
            products.accept(line);
            categories.accept(line);
        });
        fit = new Fit(products.baskets(), categories.baskets(), from, now);
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
     * Forms baskets as analytics-core's {@code Baskets.fromOrders} (the CLI's rules) does, one order at a time: an
     * order's products, or their categories, whose net quantity ({@link OrderNetting#netQuantity}: cancelled and
     * refunded sales add nothing, refund lines subtract) is above 0. Lines arrive grouped by order.
     */
    static final class BasketCollector {
        private final boolean categories;
        private final Map<String, String> names = new HashMap<>();
        private final List<Set<String>> baskets = new ArrayList<>();
        private final Map<String, Integer> quantities = new LinkedHashMap<>();
        private String orderId;

        BasketCollector(boolean categories) {
            this.categories = categories;
        }

        void accept(OrderLine line) {
            if (!line.orderId().equals(orderId)) {
                close();
                orderId = line.orderId();
            }
            String item = categories ? orUnknown(line.category()) : line.productId();
            quantities.merge(names.computeIfAbsent(item, name -> name), OrderNetting.netQuantity(line),
                    Integer::sum);
        }

        private void close() {
            Set<String> basket = new LinkedHashSet<>();
            quantities.forEach((item, quantity) -> {
                if (quantity > 0) {
                    basket.add(item);
                }
            });
            if (!basket.isEmpty()) {
                baskets.add(basket);
            }
            quantities.clear();
        }

        Baskets baskets() {
            close();
            return Baskets.of(baskets);
        }
    }

    private static String orUnknown(String category) {
        return category == null || category.isBlank() ? OrderFacts.UNKNOWN : category;
    }
}
