package io.keliu.orderanalytics.cohorts;

import io.keliu.orderanalytics.PlatformProperties;
import io.keliu.orderanalytics.web.BadParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
class CohortController {
    private final CohortService cohorts;
    private final PlatformProperties platform;
    private final Clock clock;

    CohortController(CohortService cohorts, PlatformProperties platform, Clock clock) {
        this.cohorts = cohorts;
        this.platform = platform;
        this.clock = clock;
    }

    record Cohorts(String zone, String firstOrderFrom, String to, List<CohortService.Cohort> cohorts) {
    }

    @Operation(summary = "Retention by first-order month: the share of each cohort that buys again in months 1–12")
    @GetMapping("/api/v1/orders/cohorts")
    Cohorts cohorts(@Parameter(description = "first cohort month, 2024-01 (or a date in it); default: 12 months ago")
                    @RequestParam(required = false) String firstOrderFrom,
                    @Parameter(description = "last cohort month (inclusive); default: this month")
                    @RequestParam(required = false) String to) {
        YearMonth current = YearMonth.from(clock.instant().atZone(platform.zone()));
        YearMonth first = month("firstOrderFrom", firstOrderFrom, current.minusMonths(12));
        YearMonth last = month("to", to, current);
        if (last.isBefore(first)) {
            throw new BadParameterException("to", "'" + to + "' is before firstOrderFrom '" + first + "'");
        }
        return new Cohorts(platform.zone().getId(), first.toString(), last.toString(),
                cohorts.cohorts(first, last, current));
    }

    private static YearMonth month(String name, String text, YearMonth fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String value = text.strip();
        try {
            return YearMonth.parse(value.length() >= 7 ? value.substring(0, 7) : value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "'" + text + "' is not a month; write it like 2024-01");
        }
    }
}
