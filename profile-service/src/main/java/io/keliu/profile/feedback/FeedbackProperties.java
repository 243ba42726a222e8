package io.keliu.profile.feedback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Complaint topics and spikes ({@code keliu.feedback.*}); docs/profiles.md, "Complaint topics".
 *
 * @param analysisInterval how often the complaints are analysed again (topics, similar complaints)
 * @param spikeFactor      a topic spikes when its complaints of the last 24 h exceed its usual daily count by this
 * @param spikeMinimum     fewer complaints in 24 h are never a spike
 * @param baselineDays     the usual daily count is the median of this many days before the last 24 h
 */
@ConfigurationProperties("keliu.feedback")
public record FeedbackProperties(@DefaultValue("PT1M") Duration analysisInterval,
                                 @DefaultValue("3") double spikeFactor,
                                 @DefaultValue("10") int spikeMinimum,
                                 @DefaultValue("7") int baselineDays) {
}
