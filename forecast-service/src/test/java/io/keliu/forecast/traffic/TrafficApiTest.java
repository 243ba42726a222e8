package io.keliu.forecast.traffic;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.GatewayTokens;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

@KeliuIntegrationTest
class TrafficApiTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void dailyCountsByProvinceFromTheChangeTopicEqualAHandComputationFromTheFile() throws Exception {
        OrderFile file = OrderFile.read("/orders/real-shaped.csv");
        var events = file.events();
        try (Producer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer())) {
            for (var event : events) {
                producer.send(new ProducerRecord<>(Topics.ORDERS, customerKey(event.after()), json.writeValueAsString(event)));
            }
            for (var redelivered : events.subList(0, 5)) {
                producer.send(new ProducerRecord<>(Topics.ORDERS, customerKey(redelivered.after()),
                        json.writeValueAsString(redelivered)));
            }
        }
        await(() -> jdbc.queryForObject("SELECT count(*) FROM forecast.projection_events", Long.class)
                == events.size());

        Map<LocalDate, Map<String, OrderFile.Expected>> expected = file.byDayAndProvince(SHANGHAI);
        JsonNode answer = get("/api/v1/traffic?from=2026-03-01&to=2026-03-04&groupBy=province");
        assertThat(answer.get("zone").asString()).isEqualTo("Asia/Shanghai");
        int checked = 0;
        for (JsonNode series : answer.get("series")) {
            String province = series.get("group").asString();
            assertThat(series.get("points")).hasSize(4);
            for (JsonNode point : series.get("points")) {
                LocalDate day = OffsetDateTime.parse(point.get("start").asString()).atZoneSameInstant(SHANGHAI)
                        .toLocalDate();
                OrderFile.Expected cell = expected.getOrDefault(day, Map.of())
                        .getOrDefault(province, new OrderFile.Expected());
                assertThat(point.get("orders").asLong()).as(day + " " + province).isEqualTo(cell.orders);
                assertThat(point.get("lines").asLong()).as(day + " " + province).isEqualTo(cell.lines);
                assertThat(point.get("customers").asLong()).as(day + " " + province).isEqualTo(cell.customers.size());
                assertThat(point.get("anonymousOrders").asLong()).isEqualTo(cell.anonymousOrders);
                assertThat(point.get("revenue").decimalValue()).as(day + " " + province)
                        .isEqualByComparingTo(cell.revenue);
                checked += cell.orders > 0 ? 1 : 0;
            }
        }
        long expectedCells = expected.values().stream().mapToLong(Map::size).sum();
        assertThat(checked).isEqualTo(expectedCells);
        assertThat(expectedCells).isGreaterThan(5);

        assertHotRegions("level=province", file.byDayAnd(SHANGHAI, first -> first.get("province")));
        assertHotRegions("level=country", file.byDayAnd(SHANGHAI, first -> first.get("country")));
        assertHotRegions("level=city", file.byDayAnd(SHANGHAI, first -> first.get("city")));
        for (String province : new String[] {"广东省", "Oregon"}) {
            assertHotRegions("level=city&province=" + province, file.byDayAnd(SHANGHAI,
                    first -> first.get("province").equals(province) ? first.get("city") : null));
        }
        JsonNode portland = get("/api/v1/traffic/hot-regions?from=2026-03-03&to=2026-03-04&level=city&province=Oregon");
        assertThat(portland.at("/regions/0/orders").asLong()).as("Maine's Portland is another city").isEqualTo(1);

        assertPeaks(file);
    }

    /**
     * Peaks of the two weeks 2026-02-22 (a Sunday) to 03-07, the file's orders all in the second week: each weekday's
     * clock hour is the median of a quiet hour and the file's, so half the file's orders in it; peak hours reach 90 %
     * of the weekday's busiest (none on a weekday without orders); top hours and days busiest first, earlier on ties.
     */
    private void assertPeaks(OrderFile file) throws Exception {
        Map<LocalDateTime, Long> byHour = file.ordersBy(created -> LocalDateTime.ofInstant(created, SHANGHAI)
                .truncatedTo(ChronoUnit.HOURS));
        JsonNode peaks = get("/api/v1/traffic/peaks?from=2026-02-22&to=2026-03-07");

        assertThat(peaks.get("heatmap")).hasSize(7);
        for (JsonNode row : peaks.get("heatmap")) {
            DayOfWeek weekday = DayOfWeek.valueOf(row.get("weekday").asString());
            double[] typical = new double[24];
            byHour.forEach((hour, orders) -> {
                if (hour.getDayOfWeek() == weekday) {
                    typical[hour.getHour()] = orders / 2.0;
                }
            });
            List<Integer> peakHours = new ArrayList<>();
            double busiest = Arrays.stream(typical).max().orElseThrow();
            for (int hour = 0; hour < 24; hour++) {
                assertThat(row.get("typicalByHour").get(hour).asDouble()).as(weekday + " " + hour)
                        .isEqualTo(typical[hour]);
                if (busiest > 0 && typical[hour] >= 0.9 * busiest) {
                    peakHours.add(hour);
                }
            }
            peakHours.sort(Comparator.comparingDouble(hour -> -typical[hour]));
            assertThat(row.get("peakHours").valueStream().map(JsonNode::asInt).toList()).as(weekday.toString())
                    .isEqualTo(peakHours);
        }
        assertTop(peaks.get("topHours"), byHour);
        assertTop(peaks.get("topDays"), file.ordersBy(created -> LocalDateTime.ofInstant(created, SHANGHAI)
                .truncatedTo(ChronoUnit.DAYS)));
        assertThat(peaks.get("topHours").get(0).get("orders").asLong()).as("O15 and O17 in one hour").isEqualTo(2);
    }

    private static void assertTop(JsonNode top, Map<LocalDateTime, Long> orders) {
        List<Map.Entry<LocalDateTime, Long>> expected = orders.entrySet().stream()
                .sorted(Map.Entry.<LocalDateTime, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(10).toList();
        assertThat(top).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(OffsetDateTime.parse(top.get(i).get("start").asString()).atZoneSameInstant(SHANGHAI)
                    .toLocalDateTime()).as("peak " + i).isEqualTo(expected.get(i).getKey());
            assertThat(top.get(i).get("orders").asLong()).as("peak " + i).isEqualTo(expected.get(i).getValue());
        }
    }

    /**
     * Hot regions of 2026-03-03–04 against 03-01–02, each number summed by hand from the days: orders, the previous
     * period's, growth, the orders without a region, and the count of regions.
     */
    private void assertHotRegions(String query, Map<LocalDate, Map<String, OrderFile.Expected>> byDay)
            throws Exception {
        Map<String, Long> now = new java.util.TreeMap<>();
        Map<String, Long> before = new java.util.TreeMap<>();
        byDay.forEach((day, cells) -> cells.forEach((region, cell) -> {
            if (!day.isBefore(LocalDate.of(2026, 3, 3))) {
                now.merge(region, cell.orders, Long::sum);
            } else {
                before.merge(region, cell.orders, Long::sum);
            }
        }));
        JsonNode answer = get("/api/v1/traffic/hot-regions?from=2026-03-03&to=2026-03-04&limit=500&"
                + query.replace("广东省", java.net.URLEncoder.encode("广东省", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(answer.get("previousFrom").asString()).isEqualTo("2026-03-01");
        assertThat(answer.get("orders").asLong()).as(query).isEqualTo(now.values().stream().mapToLong(n -> n).sum());
        assertThat(answer.get("unassigned").asLong()).as(query).isEqualTo(now.getOrDefault("", 0L));
        now.remove("");
        assertThat(answer.get("regionCount").asInt()).as(query).isEqualTo(now.size());
        assertThat(answer.get("regions")).as(query).hasSize(now.size());
        long previousRank = Long.MAX_VALUE;
        for (JsonNode region : answer.get("regions")) {
            String name = region.get("region").asString();
            long previous = before.getOrDefault(name, 0L);
            assertThat(region.get("orders").asLong()).as(query + " " + name).isEqualTo(now.get(name))
                    .isLessThanOrEqualTo(previousRank);
            assertThat(region.get("previousOrders").asLong()).as(query + " " + name).isEqualTo(previous);
            if (previous == 0) {
                assertThat(region.get("growthVsPrevious").isNull()).isTrue();
            } else {
                assertThat(region.get("growthVsPrevious").asDouble())
                        .isCloseTo((double) now.get(name) / previous - 1, org.assertj.core.data.Offset.offset(1e-12));
            }
            previousRank = region.get("orders").asLong();
        }
    }

    /** The message key ingest uses: the customer, or the order for an anonymous order. */
    private static String customerKey(OrderLine line) {
        return line.userId() != null ? line.userId() : line.orderId();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("projection caught up in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void namesTheBucketStillRunningSoTheDashboardDoesNotDrawItAsADrop() throws Exception {
        LocalDate today = LocalDate.now(SHANGHAI);
        JsonNode days = get("/api/v1/traffic?from=" + today.minusDays(2) + "&to=" + today);
        Instant asOf = OffsetDateTime.parse(days.get("asOf").asString()).toInstant();
        assertThat(asOf).isBetween(Instant.now().minusSeconds(60), Instant.now());
        LocalDate asOfDay = asOf.atZone(SHANGHAI).toLocalDate();
        assertThat(OffsetDateTime.parse(days.get("runningBucket").asString()).toInstant())
                .isEqualTo(asOfDay.atStartOfDay(SHANGHAI).toInstant());

        JsonNode hours = get("/api/v1/traffic?from=" + today + "&to=" + today + "&granularity=hour");
        Instant hourAsOf = OffsetDateTime.parse(hours.get("asOf").asString()).toInstant();
        assertThat(OffsetDateTime.parse(hours.get("runningBucket").asString()).toInstant())
                .isEqualTo(hourAsOf.atZone(SHANGHAI).truncatedTo(ChronoUnit.HOURS).toInstant());

        JsonNode past = get("/api/v1/traffic?from=2026-03-01&to=2026-03-04");
        assertThat(past.get("runningBucket").isNull()).as("a range of complete days").isTrue();
    }

    @Test
    void refusesBadParametersNamingThem() throws Exception {
        assertProblem("/api/v1/traffic?from=2026-03-05&to=2026-03-01", "to");
        assertProblem("/api/v1/traffic?from=2026-13-01&to=2026-03-01", "from");
        assertProblem("/api/v1/traffic?from=2026-03-01&to=2026-06-01&granularity=minute", "granularity");
        assertProblem("/api/v1/traffic?from=2026-03-01&to=2026-03-02&groupBy=planet", "groupBy");
        assertProblem("/api/v1/traffic?from=2026-03-01&to=2026-03-02&compare=tomorrow", "compare");
        assertProblem("/api/v1/traffic?from=2026-03-01&to=2026-03-02&groupBy=provinceCity", "groupBy");
        assertProblem("/api/v1/traffic/hot-regions?from=2026-03-01&to=2026-03-02&level=planet", "level");
        assertProblem("/api/v1/traffic/hot-regions?from=2026-03-01&to=2026-03-02&level=country&province=Oregon",
                "province");
    }

    @Test
    void documentsItsApiWithOpenApi() throws Exception {
        HttpResponse<String> docs = send("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/traffic", "/api/v1/traffic/stream", "/api/v1/forecasts",
                "/api/v1/traffic/hot-regions", "/api/v1/capacity");
    }

    private void assertProblem(String path, String parameter) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("parameter").asString()).isEqualTo(parameter);
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String path) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", GatewayTokens.bearer(Role.OPS)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
