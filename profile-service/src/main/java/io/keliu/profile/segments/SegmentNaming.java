package io.keliu.profile.segments;

import io.keliu.analytics.segments.FeatureMatrix;
import io.keliu.analytics.segments.Segment;

import java.util.Locale;
import java.util.Map;

/**
 * Plain-word names and descriptions in zh-CN and en, from how a segment's spend and recency compare with all
 * customers' medians: "高价值活跃客户 / high-value active customers: buy every 12 days, spend 3.0× the median".
 */
final class SegmentNaming {
    static final String MONETARY = "monetary";
    static final String RECENCY = "recencyDays";

    private final Map<String, Double> medians;

    SegmentNaming(FeatureMatrix features) {
        this.medians = SegmentBuilder.medians(features);
    }

    SegmentProfile describe(int id, Segment segment, double medianGapDays) {
        double spend = ratio(segment, MONETARY);
        double silence = ratio(segment, RECENCY);
        String levelZh = spend >= 2 ? "高价值" : spend >= 0.8 ? "中等价值" : "低价值";
        String levelEn = spend >= 2 ? "high-value" : spend >= 0.8 ? "mid-value" : "low-value";
        String activityZh = silence <= 0.7 ? "活跃" : silence <= 1.5 ? "沉寂" : "流失风险";
        String activityEn = silence <= 0.7 ? "active" : silence <= 1.5 ? "quiet" : "lapsing";
        String rhythmZh = Double.isNaN(medianGapDays) ? "多为一次性购买"
                : String.format(Locale.ROOT, "每 %.0f 天购买一次", medianGapDays);
        String rhythmEn = Double.isNaN(medianGapDays) ? "mostly one-time buyers"
                : String.format(Locale.ROOT, "buy every %.0f days", medianGapDays);
        String spendZh = Double.isNaN(spend) ? "" : String.format(Locale.ROOT, "，消费为中位数的 %.1f 倍", spend);
        String spendEn = Double.isNaN(spend) ? "" : String.format(Locale.ROOT, ", spend %.1f× the median", spend);
        return new SegmentProfile(id, segment.size(), levelZh + activityZh + "客户", levelEn + " " + activityEn
                + " customers", rhythmZh + spendZh + String.format(Locale.ROOT, "；共 %,d 人", segment.size()),
                rhythmEn + spendEn + String.format(Locale.ROOT, "; %,d customers", segment.size()),
                segment.centroid());
    }

    /** The segment's mean of a feature over all customers' median (NaN when the feature is not segmented on). */
    private double ratio(Segment segment, String feature) {
        Double mean = segment.centroid().get(feature);
        Double median = medians.get(feature);
        if (mean == null || median == null) {
            return Double.NaN;
        }
        return median == 0 ? (mean == 0 ? 1 : Double.POSITIVE_INFINITY) : mean / median;
    }
}
