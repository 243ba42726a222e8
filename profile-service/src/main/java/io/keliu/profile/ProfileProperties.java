package io.keliu.profile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;
import java.util.List;

/**
 * profile-service's settings ({@code keliu.*}); see README "profile-service".
 *
 * @param zone      the platform's zone: purchase days and hours of day are counted in it
 * @param lifecycle thresholds of the lifecycle stages, as multiples of each customer's own purchase rhythm
 * @param refit     the models' settings
 * @param alerts    when the refit raises alerts
 */
@ConfigurationProperties("keliu")
public record ProfileProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue Lifecycle lifecycle,
        @DefaultValue Refit refit,
        @DefaultValue Alerts alerts) {

    /**
     * @param atRiskFactor   at risk once the days since the last purchase exceed this many of the customer's usual gaps
     * @param churnedFactor  churned beyond this many gaps; a purchase after such a silence is "won back"
     * @param defaultGapDays the usual gap of a customer with one purchase day, until a refit has measured the median
     *                       gap of repeat customers
     */
    public record Lifecycle(@DefaultValue("1.5") double atRiskFactor, @DefaultValue("3") double churnedFactor,
                            @DefaultValue("30") double defaultGapDays) {
    }

    /**
     * @param cron               when the scheduled refit runs (default nightly at 02:00 in {@code zone})
     * @param horizonDays        the CLV horizon
     * @param monthlyDiscountRate discount rate of the CLV, per month
     * @param segments           number of segments (k)
     * @param method             KMEANS or GMM
     * @param features           what segments are made from (see docs/profiles.md)
     * @param churnSample        customers the churn model learns from at most (a random sample); all are scored
     * @param feedbackMinAucGain the validation AUC the customer service features must add to the churn model to be
     *                           kept in it (docs/profiles.md, "Churn risk")
     * @param minRepeatCustomers a refit with fewer repeat customers fails: the models cannot be fitted
     */
    public record Refit(@DefaultValue("0 0 2 * * *") String cron,
                        @DefaultValue("365") int horizonDays,
                        @DefaultValue("0.01") double monthlyDiscountRate,
                        @DefaultValue("5") int segments,
                        @DefaultValue("KMEANS") String method,
                        @DefaultValue({"recencyDays", "purchases", "monetary", "clv"}) List<String> features,
                        @DefaultValue("20000") int churnSample,
                        @DefaultValue("0.005") double feedbackMinAucGain,
                        @DefaultValue("20") int minRepeatCustomers,
                        @DefaultValue("42") long seed) {
    }

    /**
     * @param churnRiskThreshold a top-CLV-quintile customer whose churn risk crosses it is "valuable at risk"
     * @param segmentShift       a segment whose size moves by more than this share between refits has "shifted"
     */
    public record Alerts(@DefaultValue("0.5") double churnRiskThreshold, @DefaultValue("0.2") double segmentShift) {
    }
}
