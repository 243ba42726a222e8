package io.keliu.profile.refits;

import io.keliu.analytics.churn.ChurnScorer;
import io.keliu.analytics.churn.ServiceCase;
import io.keliu.analytics.clv.BgNbdModel;
import io.keliu.analytics.clv.GammaGammaModel;
import io.keliu.analytics.clv.LifetimeValue;
import io.keliu.analytics.clv.PurchaseHistories;
import io.keliu.analytics.clv.SpendHistories;
import io.keliu.analytics.clv.ValueScore;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Purchase;
import io.keliu.analytics.io.DataFormatException;
import io.keliu.analytics.segments.FeatureMatrix;
import io.keliu.profile.ProfileProperties;
import io.keliu.profile.segments.SegmentBuilder;
import io.keliu.profile.segments.SegmentProfile;
import io.keliu.profile.value.RfmThresholds;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models of a refit, over every customer's purchases up to the calibration end; no database here. */
final class RefitRunner {
    private static final double DAYS_PER_WEEK = 7.0;

    private final ProfileProperties properties;

    RefitRunner(ProfileProperties properties) {
        this.properties = properties;
    }

    /** Everything a refit produces: per-customer scores, segments and the model document. */
    record Outcome(List<CustomerScore> scores, List<SegmentProfile> segments, Map<String, Object> model) {
    }

    /** @param cases every customer service case of a known customer, the churn model's candidate features */
    Outcome run(List<Purchase> purchases, List<ServiceCase> cases, LocalDate calibrationEnd, int horizonDays,
                List<SegmentProfile> previousSegments) {
        List<CustomerSummary> customers = summaries(purchases, calibrationEnd);
        long repeat = customers.stream().filter(c -> c.frequency() > 0).count();
        ProfileProperties.Refit settings = properties.refit();
        if (repeat < settings.minRepeatCustomers()) {
            throw new RefitFailure("only " + repeat + " customers bought on more than one day up to " + calibrationEnd
                    + "; the lifetime-value models need at least " + settings.minRepeatCustomers()
                    + ". Wait for more orders, or choose a later calibration end. The previous results stay.");
        }
        BgNbdModel.Fit purchaseFit = BgNbdModel.fit(PurchaseHistories.of(customers));
        GammaGammaModel.Fit spendFit = GammaGammaModel.fit(SpendHistories.of(customers));
        LifetimeValue lifetime = new LifetimeValue(purchaseFit.model(), spendFit.model(),
                settings.monthlyDiscountRate(), 1);
        double horizonWeeks = horizonDays / DAYS_PER_WEEK;
        int n = customers.size();
        double[] expected = new double[n];
        double[] alive = new double[n];
        double[] average = new double[n];
        double[] clv = new double[n];
        double[] gaps = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerSummary c = customers.get(i);
            expected[i] = purchaseFit.model().conditionalExpectedPurchases(horizonWeeks, c.frequency(),
                    c.recencyWeeks(), c.ageWeeks());
            alive[i] = purchaseFit.model().probabilityAlive(c.frequency(), c.recencyWeeks(), c.ageWeeks());
            average[i] = spendFit.model().expectedAverageSpend(c.frequency(), c.meanRepeatSpend());
            clv[i] = lifetime.of(c.frequency(), c.recencyWeeks(), c.ageWeeks(), c.meanRepeatSpend(), horizonWeeks);
            gaps[i] = c.frequency() > 0 ? c.recencyWeeks() * DAYS_PER_WEEK / c.frequency() : Double.NaN;
        }
        double populationGap = median(gaps);
        double[] valueScores = ValueScore.DEFAULT.score(customers);
        SegmentBuilder.Result segments = new SegmentBuilder(settings.method(), settings.seed())
                .segment(features(customers, clv), settings.segments(), gaps, previousSegments);
        ChurnScorer.Result churn = new ChurnScorer(properties.lifecycle().churnedFactor(), settings.churnSample(),
                settings.seed(), settings.feedbackMinAucGain()).score(purchases, cases, customers, calibrationEnd,
                Double.isNaN(populationGap) ? properties.lifecycle().defaultGapDays() : populationGap);
        List<CustomerScore> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            scores.add(new CustomerScore(customers.get(i).customerId(), expected[i], alive[i], average[i], clv[i],
                    valueScores[i], segments.ids()[i], churn.risk()[i], churn.reasons().get(i)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("calibrationEnd", calibrationEnd.toString());
        model.put("horizonDays", horizonDays);
        model.put("monthlyDiscountRate", settings.monthlyDiscountRate());
        model.put("customers", n);
        model.put("bgnbd", Map.of("r", purchaseFit.model().r(), "alpha", purchaseFit.model().alpha(),
                "a", purchaseFit.model().a(), "b", purchaseFit.model().b(),
                "logLikelihood", purchaseFit.logLikelihood(), "customers", purchaseFit.customers()));
        model.put("gammaGamma", Map.of("p", spendFit.model().p(), "q", spendFit.model().q(),
                "gamma", spendFit.model().gamma(), "logLikelihood", spendFit.logLikelihood(),
                "repeatCustomers", spendFit.customers()));
        RfmThresholds rfm = RfmThresholds.of(customers);
        model.put("rfm", Map.of("recency", rfm.recency(), "frequency", rfm.frequency(), "monetary", rfm.monetary()));
        model.put("populationGapDays", Double.isNaN(populationGap) ? null : populationGap);
        Map<String, Object> feedback = new LinkedHashMap<>();
        feedback.put("kept", churn.feedback().kept());
        feedback.put("validationAucWithout", churn.feedback().aucWithout());
        feedback.put("validationAucWith", churn.feedback().aucWith());
        feedback.put("minAucGain", settings.feedbackMinAucGain());
        model.put("churn", Map.of("model", churn.model(), "validationAuc", churn.auc(), "feedbackFeatures", feedback));
        model.put("segmentation", Map.of("method", settings.method(), "k", segments.segments().size(),
                "features", settings.features()));
        return new Outcome(scores, segments.segments(), model);
    }

    private static List<CustomerSummary> summaries(List<Purchase> purchases, LocalDate calibrationEnd) {
        try {
            return CustomerSummaries.asOf(purchases, calibrationEnd);
        } catch (DataFormatException e) {
            throw new RefitFailure("no customer bought anything on or before " + calibrationEnd
                    + ": there is nothing to fit. Import orders, or choose a later calibration end.");
        }
    }

    /** The configured segmentation features of every customer. */
    private FeatureMatrix features(List<CustomerSummary> customers, double[] clv) {
        List<String> names = properties.refit().features();
        double[][] rows = new double[customers.size()][names.size()];
        for (int i = 0; i < rows.length; i++) {
            CustomerSummary c = customers.get(i);
            for (int j = 0; j < names.size(); j++) {
                rows[i][j] = switch (names.get(j)) {
                    case "recencyDays" -> c.daysSinceLastPurchase();
                    case "purchases" -> c.purchases();
                    case "frequency" -> c.frequency();
                    case "monetary" -> c.monetaryValue();
                    case "meanRepeatSpend" -> c.meanRepeatSpend();
                    case "customerForDays" -> c.ageWeeks() * DAYS_PER_WEEK;
                    case "clv" -> clv[i];
                    default -> throw new RefitFailure("unknown segmentation feature '" + names.get(j)
                            + "' in keliu.refit.features; use recencyDays, purchases, frequency, monetary,"
                            + " meanRepeatSpend, customerForDays or clv");
                };
            }
        }
        return new FeatureMatrix(names, rows);
    }

    private static double median(double[] values) {
        double[] known = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (known.length == 0) {
            return Double.NaN;
        }
        int m = known.length / 2;
        return known.length % 2 == 1 ? known[m] : (known[m - 1] + known[m]) / 2;
    }
}
