package io.keliu.orderanalytics.reports;

import io.keliu.orderanalytics.web.Parameters.ApiWord;
import io.keliu.orderanalytics.web.Parameters.TimeRange;

import java.time.Duration;
import java.time.ZoneId;

/** The period a report is compared with: 环比 (the period just before, as long) or 同比 (a year earlier). */
public enum Comparison implements ApiWord {
    PREVIOUS, LAST_YEAR;

    public TimeRange of(TimeRange range, ZoneId zone) {
        return switch (this) {
            case PREVIOUS -> new TimeRange(range.from().minus(Duration.between(range.from(), range.to())),
                    range.from());
            case LAST_YEAR -> new TimeRange(range.from().atZone(zone).minusYears(1).toInstant(),
                    range.to().atZone(zone).minusYears(1).toInstant());
        };
    }
}
