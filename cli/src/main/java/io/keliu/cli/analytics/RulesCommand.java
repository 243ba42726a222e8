package io.keliu.cli.analytics;

import io.keliu.analytics.baskets.AssociationRule;
import io.keliu.analytics.baskets.Baskets;
import io.keliu.analytics.baskets.RuleMiner;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keliu analytics rules}: association rules between items bought together. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Mines association rules (FP-growth) with one item on the right: support, confidence, lift,"
                + " leverage and conviction; strongest lift first. Baskets from orders hold the products an order"
                + " still buys after cancellations and refunds.")
public final class RulesCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--baskets", description = "One basket per line, items separated by commas.")
        Path baskets;

        @Option(names = "--orders", description = "Orders CSV: each order's products form a basket.")
        Path orders;
    }

    @Option(names = "--min-support", required = true, description = "Share of baskets holding all the rule's items.")
    double minSupport;

    @Option(names = "--min-confidence", required = true, description = "Share of antecedent baskets holding the consequent.")
    double minConfidence;

    @Option(names = "--min-length", defaultValue = "1", description = "Items per rule at least (default: ${DEFAULT-VALUE}).")
    int minLength;

    @Option(names = "--max-length", defaultValue = "5",
            description = "Items per rule at most (default: ${DEFAULT-VALUE}; arules' default is 10).")
    int maxLength;

    @Option(names = "--max-rules", defaultValue = "100000",
            description = "Refuse, with advice, rather than find more rules than this (default: ${DEFAULT-VALUE}).")
    int maxRules;

    @Option(names = "--max-seconds", defaultValue = "5",
            description = "Refuse, with advice, when the search takes longer; 0 for no limit (default: ${DEFAULT-VALUE}).")
    int maxSeconds;

    @Option(names = "--min-lift", defaultValue = "0", description = "Lift at least, e.g. 1 (default: ${DEFAULT-VALUE}).")
    double minLift;

    @Option(names = "--top", description = "Print only the first N rules (ruleCount still counts all).")
    Integer top;

    @Mixin
    CharsetOption encoding;

    @Mixin
    OrderFiles orderFiles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!(minSupport > 0 && minSupport <= 1) || minConfidence < 0 || minConfidence > 1) {
            throw new UserInputException("--min-support must be in (0, 1] and --min-confidence in [0, 1]");
        }
        if (maxRules < 1 || maxSeconds < 0) {
            throw new UserInputException("--max-rules must be at least 1 and --max-seconds not negative");
        }
        Baskets baskets = source.baskets != null
                ? Inputs.analyse(() -> Baskets.readBasketFile(Inputs.existing(source.baskets), encoding.charset))
                : Inputs.analyse(() -> Baskets.fromOrders(orderFiles.read(source.orders, encoding.charset,
                        spec.commandLine().getErr()).lines()));
        Map<String, Object> document = Inputs.analyse(() -> {
            try {
                return mine(baskets);
            } catch (RuleMiner.TooManyRules e) {
                throw new UserInputException(e.getMessage() + ": raise --min-support (e.g. "
                        + RuleMiner.decimal(e.suggestedSupport()) + ") or --min-confidence, lower --max-length, or"
                        + " allow more with --max-rules (now " + maxRules + ") and --max-seconds (now " + maxSeconds
                        + ")", e);
            }
        });
        Json.print(spec.commandLine().getOut(), document);
        return 0;
    }

    private Map<String, Object> mine(Baskets baskets) {
        RuleMiner miner = new RuleMiner(minSupport, minConfidence, minLift, minLength, maxLength, maxRules,
                Duration.ofSeconds(maxSeconds));
        List<AssociationRule> rules = miner.mine(baskets);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("transactions", baskets.size());
        document.put("items", baskets.items().size());
        document.put("minCount", miner.minCount(baskets.size()));
        document.put("ruleCount", rules.size());
        document.put("rules", rules.stream().limit(top == null ? Long.MAX_VALUE : top).map(RulesCommand::rule)
                .toList());
        return document;
    }

    /** JSON has no infinity: a rule that always holds has conviction null. */
    private static Map<String, Object> rule(AssociationRule rule) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("antecedent", rule.antecedent());
        row.put("consequent", rule.consequent());
        row.put("support", rule.support());
        row.put("confidence", rule.confidence());
        row.put("lift", rule.lift());
        row.put("leverage", rule.leverage());
        row.put("conviction", Double.isInfinite(rule.conviction()) ? null : rule.conviction());
        return row;
    }
}
