package io.keliu.profile.distribution;

import io.keliu.profile.customers.AgeBand;
import io.keliu.profile.web.Parameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "profiles", description = "How customers distribute over a profile dimension")
class DistributionController {
    private final JdbcClient jdbc;

    DistributionController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Dimension {
        AGE(AgeBand.SQL), GENDER("gender"), PROVINCE("province"), CITY("city"), OCCUPATION("occupation"),
        INDUSTRY("industry"), CHANNEL("preferred_channel"), LIFECYCLE("lifecycle"),
        /** The income-level proxy: quintile of net spend among customers (docs/profiles.md). */
        INCOME("""
                CASE WHEN purchases = 0 OR r.model IS NULL THEN NULL ELSE (ARRAY['LOW','LOWER_MIDDLE','MIDDLE','UPPER_MIDDLE','HIGH'])[
                  1 + (SELECT count(*) FROM jsonb_array_elements_text(r.model -> 'rfm' -> 'monetary') b
                       WHERE monetary_total > b::numeric)] END""");

        final String expression;

        Dimension(String expression) {
            this.expression = expression;
        }
    }

    record Bucket(String value, long customers, double share) {
    }

    record Distribution(String dimension, long customers, List<Bucket> buckets) {
    }

    @GetMapping("/api/v1/profiles/distribution")
    @Operation(summary = "Customers per value of a dimension (unknown values as null), largest first")
    Distribution distribution(@RequestParam String dimension) {
        Dimension chosen = Parameters.choice("dimension", dimension, Dimension.class);
        String from = chosen == Dimension.INCOME
                ? " FROM profiles.customers LEFT JOIN (SELECT model FROM profiles.refits JOIN profiles.current_refit"
                + " USING (refit_id)) r ON true"
                : " FROM profiles.customers";
        List<Object[]> rows = jdbc.sql("SELECT " + chosen.expression + " AS value, count(*) AS n" + from
                        + " GROUP BY 1 ORDER BY 2 DESC, 1")
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)}).list();
        long total = rows.stream().mapToLong(r -> (Long) r[1]).sum();
        return new Distribution(chosen.name().toLowerCase(java.util.Locale.ROOT), total, rows.stream()
                .map(r -> new Bucket((String) r[0], (Long) r[1], total == 0 ? 0 : (double) (Long) r[1] / total))
                .toList());
    }
}
