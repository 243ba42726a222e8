package io.keliu.ingest.imports;

import io.keliu.contracts.v1.CsvFields;
import io.keliu.contracts.v1.Role;
import io.keliu.testsupport.GatewayTokens;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file shaped like a real retail export: orders of 1 to 600 lines that repeat products (also as identical rows),
 * long descriptions, refunds as separate negative orders, cancelled lines, anonymous orders and broken rows. Every
 * valid row is a stored line, and the stored order totals equal the file's sums by the definition of
 * docs/contracts.md (cancelled lines add nothing, refunds subtract); a second import changes nothing.
 */
@KeliuIntegrationTest
class RetailExportImportTest {
    private static final String HEADER = "order_id,user_id,created_at,product_id,quantity,unit_price,amount,status,"
            + "cancelled,country,remark";
    private static final Set<String> REVERSING = Set.of("已取消", "已退款");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyRowIsALineAndOrderTotalsEqualTheFile() throws Exception {
        String file = retailExport(new Random(7));
        Expected expected = expected(file);

        JsonNode first = post(file);
        assertThat(first.get("rejected").asLong()).isEqualTo(expected.badRows);
        assertThat(first.get("accepted").asLong()).isEqualTo(expected.lines);
        assertThat(first.get("duplicates").asLong()).isZero();
        assertThat(first.get("repeatedRows").asLong()).as(first.toString()).isEqualTo(expected.repeatedRows)
                .isPositive();
        assertThat(first.get("repeatedRowLines")).isNotEmpty();
        assertThat(storedTotals()).isEqualTo(expected.totals);
        assertThat(lineCount()).isEqualTo(expected.lines);
        assertThat(jdbc.queryForList("select distinct country from ingest.order_lines where order_id like 'R-%'",
                String.class)).as("United Kingdom").containsExactly("GB");
        long deadLetters = deadLetters();

        JsonNode again = post(file);
        assertThat(again.get("accepted").asLong()).as(again.toString()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(expected.lines);
        assertThat(again.get("rejected").asLong()).isEqualTo(expected.badRows);
        assertThat(again.get("errors")).hasSize((int) expected.badRows);
        assertThat(deadLetters()).as("dead letters after the second import").isEqualTo(deadLetters);
        assertThat(get("/api/v1/ingest/dead-letters?source=import%20" + again.get("importId").asString()))
                .as("the latest import finds its rejected lines").hasSize((int) expected.badRows);
        assertThat(storedTotals()).isEqualTo(expected.totals);

        JsonNode order = get("/api/v1/ingest/orders/R-100");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo(expected.totals.get("R-100"));
        assertThat(order.get("lines")).hasSize(expected.linesOf("R-100"));
    }

    @Test
    void aLaterFileUpdatesARepeatedLineWhereItStands() throws Exception {
        String header = "order_id,user_id,created_at,updated_at,product_id,quantity,amount,status,cancelled\n";
        post(header + """
                U-1,u1,2024-05-01 10:00:00,,SKU-7,1,10.00,已完成,否
                U-1,u1,2024-05-01 10:00:00,,SKU-7,3,30.00,已完成,否
                """);
        JsonNode update = post(header + """
                U-1,u1,2024-05-01 10:00:00,,SKU-7,1,10.00,已完成,否
                U-1,u1,2024-05-01 10:00:00,2024-05-02 09:00:00,SKU-7,3,30.00,已取消,是
                """);
        assertThat(update.get("accepted").asLong()).isEqualTo(1);
        assertThat(update.get("duplicates").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/ingest/orders/U-1").get("total").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(jdbc.queryForObject("select status from ingest.order_lines where order_id = 'U-1' "
                + "and line_key = 'SKU-7#2'", String.class)).isEqualTo("CANCELLED");
    }

    /**
     * Orders R-1…R-200 of 1–30 lines, and R-100 of 600, products drawn from 40 so that orders repeat them; every
     * tenth product line is a copy of the row before it; refund orders C-… with negative lines; a few cancelled lines;
     * anonymous orders; five broken rows.
     */
    private static String retailExport(Random random) {
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        String description = "WHITE HANGING HEART T-LIGHT HOLDER, ".repeat(8);
        for (int order = 1; order <= 200; order++) {
            int lines = order == 100 ? 600 : 1 + random.nextInt(30);
            String user = order % 7 == 0 ? "" : "1" + (7000 + order % 50);
            String created = "2024-12-%02d %02d:%02d:00".formatted(1 + order % 28, 8 + order % 10, order % 60);
            String previous = null;
            for (int line = 0; line < lines; line++) {
                String row;
                if (previous != null && line % 10 == 9) {
                    row = previous;
                } else {
                    int quantity = 1 + random.nextInt(12);
                    int cents = 85 + random.nextInt(2000);
                    boolean cancelled = random.nextInt(40) == 0;
                    row = "R-%d,%s,%s,%s,%d,%s,%s,%s,%s,United Kingdom,\"%s\"".formatted(order, user, created,
                            "SKU-" + random.nextInt(40), quantity, money(cents), money((long) cents * quantity),
                            cancelled ? "已取消" : "已完成", cancelled ? "是" : "否", description + line);
                }
                file.append(row).append('\n');
                previous = row;
            }
            if (order % 20 == 0) {
                file.append("C-%d,%s,%s,SKU-%d,-2,1.50,-3.00,已退款,否,United Kingdom,refund\n".formatted(order, user,
                        created, order % 40));
                file.append("C-%d,%s,%s,SKU-%d,-1,1.50,-1.50,已退款,否,United Kingdom,refund\n".formatted(order, user,
                        created, order % 40));
            }
            if (order % 40 == 0) {
                file.append("R-%d,%s,not a date,SKU-1,1,1.00,1.00,已完成,否,United Kingdom,broken\n".formatted(order,
                        user));
            }
        }
        return file.toString();
    }

    private static String money(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private record Expected(Map<String, BigDecimal> totals, Map<String, Integer> lineCounts, long lines,
                            long badRows, long repeatedRows) {
        int linesOf(String order) {
            return lineCounts.get(order);
        }
    }

    /** The file's sums by the documented definition, read back from the CSV text. */
    private static Expected expected(String file) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        Map<String, Integer> lineCounts = new TreeMap<>();
        Set<String> seen = new java.util.HashSet<>();
        long lines = 0;
        long bad = 0;
        long repeated = 0;
        List<String> rows = file.lines().skip(1).toList();
        for (String row : rows) {
            List<String> f = CsvFields.split(row);
            if (f.get(2).equals("not a date")) {
                bad++;
                continue;
            }
            lines++;
            if (!seen.add(row)) {
                repeated++;
            }
            BigDecimal amount = new BigDecimal(f.get(6));
            boolean reversal = f.get(8).equals("是") || REVERSING.contains(f.get(7));
            BigDecimal counted = reversal && amount.signum() >= 0 ? BigDecimal.ZERO : amount;
            totals.merge(f.get(0), counted, BigDecimal::add);
            lineCounts.merge(f.get(0), 1, Integer::sum);
        }
        totals.replaceAll((order, total) -> total.setScale(2));
        return new Expected(totals, lineCounts, lines, bad, repeated);
    }

    private Map<String, BigDecimal> storedTotals() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        jdbc.query("""
                select order_id, sum(case when (cancelled or status in ('CANCELLED', 'REFUNDED')) and amount >= 0
                                          then 0 else amount end) as total
                from ingest.order_lines where order_id like 'R-%' or order_id like 'C-%' group by order_id""",
                row -> {
                    totals.put(row.getString(1), row.getBigDecimal(2).setScale(2));
                });
        return totals;
    }

    private long lineCount() {
        return jdbc.queryForObject("select count(*) from ingest.order_lines where order_id like 'R-%' "
                + "or order_id like 'C-%'", Long.class);
    }

    private long deadLetters() {
        return jdbc.queryForObject("select count(*) from ingest.dead_letters where kind = 'orders'", Long.class);
    }

    private JsonNode post(String csv) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/imports/orders"))
                    .header("Content-Type", "text/csv").header("Authorization", GatewayTokens.bearer(Role.OPS))
                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        }
    }

    private JsonNode get(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).header("Authorization",
                    GatewayTokens.bearer(Role.OPS)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return json.readTree(response.body());
        }
    }
}
