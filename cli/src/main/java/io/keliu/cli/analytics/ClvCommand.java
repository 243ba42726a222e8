package io.keliu.cli.analytics;

import io.keliu.analytics.clv.BgNbdModel;
import io.keliu.analytics.clv.GammaGammaModel;
import io.keliu.analytics.clv.LifetimeValue;
import io.keliu.analytics.clv.PurchaseHistories;
import io.keliu.analytics.clv.SpendHistories;
import io.keliu.analytics.customers.CdnowTransactions;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.OrderNetting;
import io.keliu.analytics.customers.OrdersCsv;
import io.keliu.analytics.customers.Purchase;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code keliu analytics clv}: BG/NBD and Gamma-Gamma fits and each customer's expected value. */
@Command(name = "clv", mixinStandardHelpOptions = true,
        description = "Fits BG/NBD (purchases) and Gamma-Gamma (spend) by maximum likelihood on the purchases up to"
                + " the calibration end (time in weeks), then predicts each customer's purchases, chance of being"
                + " alive and discounted lifetime value over the horizon.")
public final class ClvCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--orders", description = "Orders CSV (one row per order line).")
        Path orders;

        @Option(names = "--cdnow", description = "A CDNOW-format file: customer id, unused id, YYYYMMDD, CDs, amount.")
        Path cdnow;
    }

    @Option(names = "--calibration-end", required = true,
            description = "Last day (YYYY-MM-DD) of the purchases the models learn from.")
    String calibrationEnd;

    @Option(names = "--horizon-weeks", defaultValue = "52", description = "Forecast horizon (default: ${DEFAULT-VALUE}).")
    double horizonWeeks;

    @Option(names = "--discount-rate", defaultValue = "0.01",
            description = "Monthly discount rate for the value (default: ${DEFAULT-VALUE}, about 12.7 %% a year).")
    double discountRate;

    @Option(names = "--margin", defaultValue = "1",
            description = "Share of spend that is profit; 1 values revenue (default: ${DEFAULT-VALUE}).")
    double margin;

    @Mixin
    CharsetOption encoding;

    @Mixin
    OrderFiles orderFiles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LocalDate end = Inputs.date(calibrationEnd, "--calibration-end");
        if (horizonWeeks <= 0 || discountRate < 0 || margin < 0) {
            throw new UserInputException("--horizon-weeks must be positive, --discount-rate and --margin not negative");
        }
        List<Purchase> purchases = source.cdnow != null
                ? Inputs.analyse(() -> CdnowTransactions.read(Inputs.existing(source.cdnow), encoding.charset))
                : OrderNetting.purchases(orderFiles.read(source.orders, encoding.charset,
                        spec.commandLine().getErr()).lines(), OrdersCsv.SHOP_ZONE);
        Map<String, Object> document = Inputs.analyse(() -> analyse(purchases, end));
        Json.print(spec.commandLine().getOut(), document);
        return 0;
    }

    private Map<String, Object> analyse(List<Purchase> purchases, LocalDate end) {
        List<CustomerSummary> customers = CustomerSummaries.asOf(purchases, end);
        BgNbdModel.Fit purchaseFit = BgNbdModel.fit(PurchaseHistories.of(customers));
        GammaGammaModel.Fit spendFit = GammaGammaModel.fit(SpendHistories.of(customers));
        LifetimeValue value = new LifetimeValue(purchaseFit.model(), spendFit.model(), discountRate, margin);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("calibrationEnd", end.toString());
        document.put("horizonWeeks", horizonWeeks);
        document.put("monthlyDiscountRate", discountRate);
        document.put("margin", margin);
        document.put("bgnbd", purchaseModel(purchaseFit));
        document.put("gammaGamma", spendModel(spendFit));
        document.put("customers", customers.stream().map(c -> customer(c, purchaseFit.model(), spendFit.model(),
                value)).toList());
        return document;
    }

    private static Map<String, Object> purchaseModel(BgNbdModel.Fit fit) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("r", fit.model().r());
        model.put("alpha", fit.model().alpha());
        model.put("a", fit.model().a());
        model.put("b", fit.model().b());
        model.put("logLikelihood", fit.logLikelihood());
        model.put("customers", fit.customers());
        return model;
    }

    private static Map<String, Object> spendModel(GammaGammaModel.Fit fit) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("p", fit.model().p());
        model.put("q", fit.model().q());
        model.put("gamma", fit.model().gamma());
        model.put("logLikelihood", fit.logLikelihood());
        model.put("repeatCustomers", fit.customers());
        return model;
    }

    private Map<String, Object> customer(CustomerSummary c, BgNbdModel purchases, GammaGammaModel spend,
                                         LifetimeValue value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customerId", c.customerId());
        row.put("frequency", c.frequency());
        row.put("recencyWeeks", c.recencyWeeks());
        row.put("ageWeeks", c.ageWeeks());
        row.put("monetaryValue", c.monetaryValue());
        row.put("meanRepeatSpend", c.meanRepeatSpend());
        row.put("probabilityAlive", purchases.probabilityAlive(c.frequency(), c.recencyWeeks(), c.ageWeeks()));
        row.put("expectedPurchases", purchases.conditionalExpectedPurchases(horizonWeeks, c.frequency(),
                c.recencyWeeks(), c.ageWeeks()));
        row.put("expectedAverageSpend", spend.expectedAverageSpend(c.frequency(), c.meanRepeatSpend()));
        row.put("clv", value.of(c.frequency(), c.recencyWeeks(), c.ageWeeks(), c.meanRepeatSpend(), horizonWeeks));
        return row;
    }
}
