package io.keliu.orderanalytics.baskets;

import io.keliu.analytics.baskets.AssociationRule;
import io.keliu.analytics.baskets.Baskets;
import io.keliu.orderanalytics.baskets.BasketService.Fit;
import io.keliu.orderanalytics.baskets.BasketService.Level;
import io.keliu.orderanalytics.web.NotFoundException;
import io.keliu.orderanalytics.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/baskets")
class BasketController {
    private final BasketService baskets;

    BasketController(BasketService baskets) {
        this.baskets = baskets;
    }

    record Rule(List<String> antecedent, List<String> consequent, double support, double confidence, double lift) {
        static Rule of(AssociationRule rule) {
            return new Rule(rule.antecedent(), rule.consequent(), rule.support(), rule.confidence(), rule.lift());
        }
    }

    record Rules(int ruleCount, int baskets, Instant fittedAt, List<Rule> rules) {
    }

    record Together(String productId, int baskets, int basketsWithProduct, List<Companion> together) {
    }

    /** @param confidence share of the product's baskets that hold the companion; lift against its own share */
    record Companion(String productId, int baskets, double confidence, double lift) {
    }

    record Refit(int productBaskets, int categoryBaskets, Instant from, Instant fittedAt) {
    }

    @Operation(summary = "Association rules (FP-growth) over the baskets of the last days, strongest lift first")
    @GetMapping("/rules")
    Rules rules(@Parameter(description = "(0, 1], default 0.01") @RequestParam(required = false) String minSupport,
                @Parameter(description = "[0, 1], default 0.1") @RequestParam(required = false) String minConfidence,
                @Parameter(description = "default 0") @RequestParam(required = false) String minLift,
                @Parameter(description = "only rules naming this item") @RequestParam(required = false) String item,
                @Parameter(description = "1–10000, default 100") @RequestParam(required = false) String limit,
                @Parameter(description = "product (default) or category") @RequestParam(required = false) String level) {
        double support = Parameters.decimal("minSupport", minSupport, 0.01, Double.MIN_VALUE, 1);
        BasketService.RuleResult result = baskets.rules(new BasketService.RuleQuery(support,
                Parameters.decimal("minConfidence", minConfidence, 0.1, 0, 1),
                Parameters.decimal("minLift", minLift, 0, 0, Double.MAX_VALUE),
                item == null || item.isBlank() ? null : item.strip(),
                Parameters.integer("limit", limit, 100, 1, 10_000), Parameters.word("level", level, Level.class, Level.PRODUCT)));
        return new Rules(result.ruleCount(), result.baskets(), result.fittedAt(),
                result.rules().stream().map(Rule::of).toList());
    }

    @Operation(summary = "Products frequently bought together with a product, most often first")
    @GetMapping("/together/{productId}")
    Together together(@PathVariable String productId,
                      @Parameter(description = "1–1000, default 10") @RequestParam(required = false) String limit) {
        Fit fit = baskets.current();
        Baskets products = fit.products();
        int code = products.items().indexOf(productId);
        if (code < 0) {
            throw new NotFoundException("no basket of the orders since " + fit.from() + " holds product '" + productId
                    + "'; use a product id as GET /api/v1/orders/top-products lists them, e.g."
                    + " /api/v1/baskets/together/" + (products.items().isEmpty() ? "SKU-1" : products.items().getFirst()));
        }
        Map<Integer, Integer> counts = new HashMap<>();
        int withProduct = 0;
        for (int[] basket : products.transactions()) {
            if (Arrays.binarySearch(basket, code) >= 0) {
                withProduct++;
                for (int item : basket) {
                    if (item != code) {
                        counts.merge(item, 1, Integer::sum);
                    }
                }
            }
        }
        int n = products.size();
        int holding = withProduct;
        List<Companion> companions = new ArrayList<>();
        counts.forEach((item, count) -> {
            double confidence = (double) count / holding;
            companions.add(new Companion(products.items().get(item), count, confidence,
                    confidence / ((double) products.itemCounts()[item] / n)));
        });
        companions.sort(Comparator.comparingInt(Companion::baskets).reversed()
                .thenComparing(Comparator.comparingDouble(Companion::lift).reversed())
                .thenComparing(Companion::productId));
        return new Together(productId, n, withProduct, companions.stream()
                .limit(Parameters.integer("limit", limit, 10, 1, 1000)).toList());
    }

    @Operation(summary = "Reads the baskets of the last days again now (otherwise nightly)")
    @PostMapping("/refit")
    Refit refit() {
        Fit fit = baskets.refit();
        return new Refit(fit.products().size(), fit.categories().size(), fit.from(), fit.fittedAt());
    }

}
