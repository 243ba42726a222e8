package io.keliu.profile;

import io.keliu.analytics.clv.BgNbdModel;
import io.keliu.analytics.clv.GammaGammaModel;
import io.keliu.analytics.clv.PurchaseHistories;
import io.keliu.analytics.clv.SpendHistories;
import io.keliu.analytics.customers.CdnowTransactions;
import io.keliu.analytics.customers.CustomerSummaries;
import io.keliu.analytics.customers.CustomerSummary;
import io.keliu.analytics.customers.Purchase;
import io.keliu.contracts.v1.Channel;
import io.keliu.profile.customers.Facts;
import io.keliu.profile.customers.LifecycleRefresh;
import io.keliu.profile.customers.Lifecycles;
import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.contracts.v1.Topics;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.projection.ProjectionReplay;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.keliu.profile.ChangeEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * profile-service against a real broker and database: change events in, the API out. Customers of the facts test are
 * U9001–U9003; the CDNOW customers have five-digit ids.
 */
@KeliuIntegrationTest
@TestPropertySource(properties = {"keliu.refit.first-refit-every=PT100H", "keliu.feedback.analysis-interval=PT100H"})
class ProfileServiceTest {
    private static final Path CDNOW = Path.of("../analytics-core/src/test/resources/data/cdnow/CDNOW_sample.txt");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProjectionReplay replay;
    @Autowired
    LifecycleRefresh lifecycleRefresh;
    @Autowired
    Lifecycles lifecycles;

    @Test
    void purchaseFactsAreExactUnderUpdatesCancellationsRefundsRedeliveryAndReplay() {
        Api api = new Api(port);
        List<ChangeEvent<?>> sent = new ArrayList<>();
        try (ChangeEvents events = new ChangeEvents(broker)) {
            OrderLine p2 = line("A1", "P2", "U9001", "2024-05-01T02:00:00Z", 1, "30.00", OrderStatus.COMPLETED, false,
                    "toys", Channel.APP);
            OrderLine p4 = line("A3", "P4", "U9001", "2024-05-20T02:00:00Z", 1, "40.00", OrderStatus.COMPLETED, false,
                    "books", Channel.WECHAT);
            sent.add(events.line(null, line("A1", "P1", "U9001", "2024-05-01T02:00:00Z", 2, "100.00",
                    OrderStatus.COMPLETED, false, "toys", Channel.APP)));
            sent.add(events.line(null, line("A1", "P1#2", "U9001", "2024-05-01T02:00:00Z", 1, "50.00",
                    OrderStatus.COMPLETED, false, "toys", Channel.APP)));
            sent.add(events.line(null, p2));
            sent.add(events.line(p2, line("A1", "P2", "U9001", "2024-05-01T02:00:00Z", 1, "30.00",
                    OrderStatus.CANCELLED, true, "toys", Channel.APP)));
            sent.add(events.line(null, line("A2", "P3", "U9001", "2024-05-11T02:00:00Z", 1, "80.00",
                    OrderStatus.COMPLETED, false, "books", Channel.APP)));
            sent.add(events.line(null, line("R1", "P3", "U9001", "2024-05-12T02:00:00Z", -1, "-80.00",
                    OrderStatus.REFUNDED, false, "books", Channel.APP)));
            sent.add(events.line(null, p4));
            sent.add(events.line(p4, line("A3", "P4", "U9001", "2024-05-20T02:00:00Z", 1, "45.00",
                    OrderStatus.COMPLETED, false, "books", Channel.WECHAT)));
            sent.add(events.line(null, line("B1", "P9", "U9002", "2024-06-01T02:00:00Z", 1, "77.00",
                    OrderStatus.COMPLETED, false, null, Channel.PC)));
            sent.add(events.line(null, line("B2", "P9", "U9002", "2024-06-03T02:00:00Z", -1, "-77.00",
                    OrderStatus.REFUNDED, false, null, Channel.PC)));
            events.line(null, line("AN1", "P1", null, "2024-05-02T02:00:00Z", 1, "99.00", OrderStatus.COMPLETED,
                    false, "toys", Channel.APP));
            events.send(Topics.PROFILES, "U9001", "U9001", null, profile("U9001", 45, Gender.MALE));
            events.send(Topics.PROFILES, "U9003", "U9003", null, profile("U9003", 31, Gender.FEMALE));
            events.send(Topics.LOGS, "L1", "L1", null, new SystemLog("L1", LogType.USER_ACTION, LogLevel.INFO,
                    "用户 U9001 加入购物车", Instant.parse("2024-05-21T01:00:00Z"), LogSource.CLIENT));
            events.send(Topics.LOGS, "L2", "L2", null, new SystemLog("L2", LogType.API_REQUEST, LogLevel.ERROR,
                    "POST /api/v1/payments 500 user_id=U9001", Instant.parse("2024-05-20T03:00:00Z"),
                    LogSource.API));
            events.flush();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode a = api.get("/api/v1/customers/U9001").json();
                // a poll before the projection created the customer finds no figures: wait, do not fail
                assertThat(a.at("/purchases/monetaryTotal").isNumber()).as("U9001 projected").isTrue();
                assertThat(a.at("/purchases/monetaryTotal").decimalValue()).isEqualByComparingTo("195");
                assertThat(a.at("/activity/actions").asInt()).isEqualTo(2);
                assertThat(api.get("/api/v1/customers/U9003").status()).isEqualTo(200);
                assertThat(api.get("/api/v1/customers/U9002").json().at("/purchases/orders").asInt()).isEqualTo(2);
            });
            String built = api.get("/api/v1/customers/U9001").body();
            assertCustomerA(api.get("/api/v1/customers/U9001").json());
            assertThat(api.get("/api/v1/customers/U9002").json().at("/purchases/monetaryTotal").decimalValue())
                    .as("a customer with only refunded orders").isEqualByComparingTo("0");
            JsonNode c = api.get("/api/v1/customers/U9003").json();
            assertThat(c.at("/profile/ageBand").asString()).isEqualTo("25-34");
            assertThat(c.at("/profile/gender").asString()).isEqualTo("FEMALE");
            assertThat(c.at("/purchases/orders").asInt()).isZero();
            assertThat(c.at("/lifecycle").asString()).isEqualTo("PROSPECT");
            assertThat(jdbc.sql("SELECT count(*) FROM profiles.order_lines WHERE order_id = 'AN1'").query(Long.class)
                    .single()).as("anonymous lines are not kept").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM profiles.customers WHERE user_id LIKE 'U900%'")
                    .query(Long.class).single()).isEqualTo(3);

            sent.forEach(event -> events.resend(Topics.ORDERS, "U9001", event));
            events.send(Topics.PROFILES, "U9001", "U9001", null, profile("U9001", 46, Gender.MALE));
            events.flush();
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    api.get("/api/v1/customers/U9001").json().at("/profile/age").asInt() == 46);
            assertThat(withoutAge(api.get("/api/v1/customers/U9001").body()))
                    .as("redelivered events change nothing").isEqualTo(withoutAge(built));
        }
        String before = api.get("/api/v1/customers/U9001").body();
        for (int replays = 0; replays < 2; replays++) {
            replay.replay();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(api.get("/api/v1/customers/U9001").body()).isEqualTo(before));
        }
    }

    private static void assertCustomerA(JsonNode a) {
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(a.at("/purchases/orders").asInt()).isEqualTo(4);
            softly.assertThat(a.at("/purchases/purchases").asInt()).as("the refunded order is no occasion").isEqualTo(2);
            softly.assertThat(a.at("/purchases/frequency").asInt()).isEqualTo(1);
            softly.assertThat(a.at("/purchases/units").asInt()).isEqualTo(4);
            softly.assertThat(a.at("/purchases/firstPurchaseAt").asString()).isEqualTo("2024-05-01");
            softly.assertThat(a.at("/purchases/lastPurchaseAt").asString()).isEqualTo("2024-05-20");
            softly.assertThat(a.at("/purchases/recency").asLong()).isEqualTo(19);
            softly.assertThat(a.at("/purchases/averageOrderValue").decimalValue()).isEqualByComparingTo("97.50");
            softly.assertThat(a.at("/preferences/channel").asString()).isEqualTo("APP");
            softly.assertThat(a.at("/preferences/categories").toString()).isEqualTo("[\"toys\",\"books\"]");
            softly.assertThat(a.at("/preferences/hours").toString()).isEqualTo("[10]");
            softly.assertThat(a.at("/recentOrders/0/orderId").asString()).isEqualTo("A3");
            softly.assertThat(a.at("/recentOrders/0/total").decimalValue()).isEqualByComparingTo("45");
            softly.assertThat(a.at("/recentOrders/1/total").decimalValue()).isEqualByComparingTo("-80");
            softly.assertThat(a.at("/recentOrders/3/total").decimalValue()).isEqualByComparingTo("150");
            softly.assertThat(a.at("/activity/errors").asInt()).isEqualTo(1);
            softly.assertThat(a.at("/activity/lastSeenAt").asString()).isEqualTo("2024-05-21T01:00:00Z");
            softly.assertThat(a.at("/profile/address").asString()).as("masked for a caller without PII rights")
                    .isEqualTo("浙江省杭州市***");
        });
    }

    private static String withoutAge(String view) {
        return view.replaceAll("\"age\":\\d+,\"ageBand\":\"[^\"]+\"", "");
    }

    /** After a refit every stored stage is recomputed as of today; the list and the distributions read them. */
    @Test
    void theRefreshStoresEveryCustomersStageAsOfToday() {
        LocalDate today = LocalDate.now(SHANGHAI);
        Map<String, Facts> customers = Map.of(
                "LR1", purchases(today.minusDays(100), today.minusDays(40), 2),
                "LR2", purchases(today.minusDays(2), today.minusDays(2), 1),
                "LR3", purchases(today.minusYears(3), today.minusYears(3), 1));
        customers.forEach((user, f) -> jdbc.sql("""
                        INSERT INTO profiles.customers (user_id, purchases, frequency, first_purchase_on,
                            last_purchase_on, previous_purchase_on, lifecycle) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE')""")
                .params(user, f.purchases(), f.frequency(), f.firstPurchase(), f.lastPurchase(), f.previousPurchase())
                .update());

        lifecycleRefresh.refreshAll(today);

        Map<String, String> stored = new HashMap<>();
        jdbc.sql("SELECT user_id, lifecycle FROM profiles.customers WHERE user_id LIKE 'LR%'")
                .query(rs -> {
                    stored.put(rs.getString(1), rs.getString(2));
                });
        customers.forEach((user, f) ->
                assertThat(stored.get(user)).as(user).isEqualTo(lifecycles.stage(f, today).name()));
        assertThat(stored.values()).as("stale stages were replaced").contains("NEW", "CHURNED");
    }

    private static Facts purchases(LocalDate first, LocalDate last, int purchases) {
        return new Facts(purchases, purchases, purchases - 1, BigDecimal.TEN, purchases, 0, first, last,
                purchases > 1 ? first : null, null, null, null, List.of(), List.of(), null, null, null);
    }

    @Test
    void badRequestsGetProblemDetailsNamingTheParameter() {
        Api api = new Api(port);
        Api.Response missing = api.get("/api/v1/customers/NOBODY");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().at("/detail").asString()).contains("NOBODY");
        assertBadParameter(api.get("/api/v1/customers?sort=cheapest"), "sort");
        assertBadParameter(api.get("/api/v1/customers?minChurnRisk=2"), "minChurnRisk");
        assertBadParameter(api.get("/api/v1/customers?lifecycle=sleeping"), "lifecycle");
        assertBadParameter(api.get("/api/v1/customers?segment=first"), "segment");
        assertBadParameter(api.get("/api/v1/customers?valuable=maybe"), "valuable");
        assertBadParameter(api.get("/api/v1/profiles/distribution?dimension=shoe"), "dimension");
        assertBadParameter(api.post("/api/v1/refits?calibrationEnd=1997-13-01"), "calibrationEnd");
        assertBadParameter(api.post("/api/v1/refits?horizonDays=0"), "horizonDays");
    }

    private static void assertBadParameter(Api.Response response, String parameter) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().at("/parameter").asString()).isEqualTo(parameter);
        assertThat(response.json().at("/detail").asString()).startsWith(parameter + ": ");
    }

    /**
     * The CDNOW sample as change events, refitted with calibration end 1997-09-30: the published BG/NBD parameters
     * (Fader, Hardie &amp; Lee 2005: r 0.243, α 4.414, a 0.793, b 2.426), equal to what {@code bin/keliu analytics clv
     * --cdnow} computes from the same transactions.
     */
    @Test
    void aRefitOfCdnowGivesThePublishedParametersAndTheCliNumbers() {
        Api api = new Api(port);
        List<Purchase> transactions = CdnowTransactions.read(CDNOW);
        try (ChangeEvents events = new ChangeEvents(broker)) {
            for (int i = 0; i < transactions.size(); i++) {
                Purchase p = transactions.get(i);
                Instant at = p.day().atTime(LocalTime.NOON).atZone(SHANGHAI).toInstant();
                events.line(null, new OrderLine("CD" + i, "CD", p.customerId(), false, at, at, "CD", "music",
                        (int) p.units(), null, java.math.BigDecimal.valueOf(p.amount()), null, null, null, null,
                        null, null, OrderStatus.COMPLETED, false, null, at));
            }
            events.flush();
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(
                "SELECT count(*) FROM profiles.order_lines WHERE order_id LIKE 'CD%'").query(Long.class).single()
                == transactions.size());

        JsonNode done = refit(api, "/api/v1/refits?calibrationEnd=1997-09-30&horizonDays=364");
        assertThat(done.at("/status").asString()).isEqualTo("DONE");
        JsonNode model = api.get("/api/v1/models/clv").json();
        List<CustomerSummary> cli = CustomerSummaries.asOf(transactions, LocalDate.of(1997, 9, 30));
        BgNbdModel.Fit bgnbd = BgNbdModel.fit(PurchaseHistories.of(cli));
        GammaGammaModel.Fit gammaGamma = GammaGammaModel.fit(SpendHistories.of(cli));
        assertThat(model.at("/customers").asInt()).isEqualTo(2357).isEqualTo(cli.size());
        assertThat(model.at("/bgnbd/r").asDouble()).isCloseTo(bgnbd.model().r(), within(1e-9))
                .isCloseTo(0.243, within(0.0005));
        assertThat(model.at("/bgnbd/alpha").asDouble()).isCloseTo(bgnbd.model().alpha(), within(1e-9))
                .isCloseTo(4.414, within(0.0005));
        assertThat(model.at("/bgnbd/a").asDouble()).isCloseTo(bgnbd.model().a(), within(1e-9))
                .isCloseTo(0.793, within(0.0005));
        assertThat(model.at("/bgnbd/b").asDouble()).isCloseTo(bgnbd.model().b(), within(1e-9))
                .isCloseTo(2.426, within(0.0005));
        assertThat(model.at("/gammaGamma/p").asDouble()).isCloseTo(gammaGamma.model().p(), within(1e-9));
        assertThat(model.at("/gammaGamma/q").asDouble()).isCloseTo(gammaGamma.model().q(), within(1e-9));
        assertThat(model.at("/gammaGamma/gamma").asDouble()).isCloseTo(gammaGamma.model().gamma(), within(1e-9));

        JsonNode segments = api.get("/api/v1/segments").json();
        assertThat(segments.size()).isEqualTo(5);
        assertThat(segments.at("/0/name/en").asString()).endsWith("customers");
        JsonNode customer = api.get("/api/v1/customers/00004").json();
        assertThat(customer.at("/clv/value").asDouble()).isPositive();
        assertThat(customer.at("/churn/risk").asDouble()).isBetween(0.0, 1.0);
        assertThat(customer.at("/rfm/cell").asString()).hasSize(3);
        JsonNode top = api.get("/api/v1/customers?sort=clv&size=5").json();
        assertThat(top.at("/items").size()).isEqualTo(5);
        assertThat(top.at("/items/0/clv").asDouble()).isGreaterThanOrEqualTo(top.at("/items/4/clv").asDouble());
        assertSegmentValuesAudiencesAndValuableCustomers(api, new Api(port, Role.MARKETER), segments);
        assertTheListGivesScoredCustomersByValueThenTheUnscored(api);

        JsonNode failed = refit(api, "/api/v1/refits?calibrationEnd=1997-01-02");
        assertThat(failed.at("/status").asString()).isEqualTo("FAILED");
        assertThat(failed.at("/error").asString()).contains("bought on more than one day up to 1997-01-02");
        assertThat(api.get("/api/v1/models/clv").json().at("/bgnbd/r").asDouble())
                .as("the previous results stay").isCloseTo(bgnbd.model().r(), within(1e-9));

        assertAlertsOfARefitMatchTheSegmentsBeforeAndAfter(api, segments);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT count(*) FROM pg_tables
                        WHERE schemaname = 'profiles' AND tablename LIKE 'customer\\_scores\\_%'""")
                .query(Long.class).single()).as("the tables of results: only the current refit's").isEqualTo(1));
    }

    /**
     * Paging through the list by CLV gives every customer once: those the current refit scored by CLV (ties by id),
     * then those it did not (a customer who arrives after the refit), by id — also on a page that starts past the
     * last scored customer.
     */
    private void assertTheListGivesScoredCustomersByValueThenTheUnscored(Api api) {
        Instant later = Instant.parse("1998-07-01T04:00:00Z");
        try (ChangeEvents events = new ChangeEvents(broker)) {
            events.line(null, new OrderLine("NEW1", "CD", "ZZ-NEW", false, later, later, "CD", "music", 1, null,
                    java.math.BigDecimal.TEN, null, null, null, null, null, null, OrderStatus.COMPLETED, false, null,
                    later));
            events.flush();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM profiles.customers WHERE user_id = 'ZZ-NEW'").query(Long.class).single() == 1);
        List<JsonNode> listed = new ArrayList<>();
        JsonNode page;
        int number = 0;
        do {
            page = api.get("/api/v1/customers?sort=clv&size=500&page=" + number++).json();
            page.get("items").forEach(listed::add);
        } while (page.get("hasMore").asBoolean());

        long customers = jdbc.sql("SELECT count(*) FROM profiles.customers").query(Long.class).single();
        List<String> ids = listed.stream().map(item -> item.get("userId").asString()).toList();
        assertThat(ids).hasSize((int) customers).doesNotHaveDuplicates();
        int scored = (int) listed.stream().filter(item -> !item.get("clv").isNull()).count();
        assertThat(listed.subList(scored, listed.size())).as("the unscored after every scored customer")
                .allMatch(item -> item.get("clv").isNull());
        assertThat(ids.subList(scored, ids.size())).contains("ZZ-NEW").isSorted();
        for (int i = 1; i < scored; i++) {
            double before = listed.get(i - 1).get("clv").asDouble();
            double here = listed.get(i).get("clv").asDouble();
            assertThat(before > here || before == here && ids.get(i - 1).compareTo(ids.get(i)) < 0)
                    .as("CLV order at " + i).isTrue();
        }
        int size = 1000;
        while ((scored + size - 1) / size * size >= ids.size()) {
            size--; // a page (at most 1,000) that starts past the last scored customer, before the last one
        }
        int first = (scored + size - 1) / size * size;
        List<String> pastTheScored = new ArrayList<>();
        api.get("/api/v1/customers?sort=churnRisk&size=" + size + "&page=" + first / size).json().get("items")
                .forEach(item -> pastTheScored.add(item.get("userId").asString()));
        assertThat(pastTheScored).isEqualTo(ids.subList(first, Math.min(ids.size(), first + size)));
    }

    /**
     * The audience export is marketing's (OPS gets 403); each segment's value and share equal sums over its exported
     * audience; the valuable customers are the top fifth by CLV, computed here from every audience; churn factors
     * restate the reasons.
     */
    private static void assertSegmentValuesAudiencesAndValuableCustomers(Api ops, Api marketer, JsonNode segments) {
        int first = segments.at("/0/id").asInt();
        Api.Response refused = ops.get("/api/v1/segments/" + first + "/customers?format=csv");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Api.Response csv = marketer.get("/api/v1/segments/" + first + "/customers?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().count() - 1).isEqualTo(segments.at("/0/size").asLong());

        java.util.Map<String, Double> clvs = new java.util.HashMap<>();
        java.util.Map<String, Double> risks = new java.util.HashMap<>();
        double shares = 0;
        for (JsonNode segment : segments) {
            JsonNode audience = marketer.get("/api/v1/segments/" + segment.at("/id").asInt() + "/customers").json();
            double clv = 0;
            double risk = 0;
            for (JsonNode customer : audience) {
                clv += customer.at("/clv").asDouble();
                risk += customer.at("/churnRisk").asDouble();
                clvs.put(customer.at("/userId").asString(), customer.at("/clv").asDouble());
                risks.put(customer.at("/userId").asString(), customer.at("/churnRisk").asDouble());
            }
            assertThat(audience.size()).isEqualTo(segment.at("/size").asInt());
            assertThat(segment.at("/clv").asDouble()).isCloseTo(clv, within(1e-6 * Math.max(1, clv)));
            assertThat(segment.at("/averageClv").asDouble()).isCloseTo(clv / audience.size(), within(1e-6));
            assertThat(segment.at("/meanChurnRisk").asDouble()).isCloseTo(risk / audience.size(), within(1e-9));
            shares += segment.at("/share").asDouble();
        }
        assertThat(shares).isCloseTo(1.0, within(1e-9));

        List<Double> sorted = clvs.values().stream().sorted(java.util.Comparator.reverseOrder()).toList();
        double boundary = sorted.get((sorted.size() + 4) / 5 - 1);
        java.util.Set<String> valuable = new java.util.TreeSet<>();
        clvs.forEach((id, clv) -> {
            if (clv >= boundary) {
                valuable.add(id);
            }
        });
        assertThat(ids(ops.get("/api/v1/customers?valuable=true&sort=clv&size=1000").json()))
                .as("the top fifth of %d customers", clvs.size()).isEqualTo(valuable);
        JsonNode atRisk = ops.get("/api/v1/customers?valuable=true&minChurnRisk=0.5&sort=churnRisk&size=1000").json();
        assertThat(ids(atRisk)).isEqualTo(valuable.stream().filter(id -> risks.get(id) >= 0.5)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        List<Double> riskOrder = new ArrayList<>();
        atRisk.at("/items").forEach(c -> riskOrder.add(c.at("/churnRisk").asDouble()));
        assertThat(riskOrder).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        JsonNode riskiest = ops.get("/api/v1/customers?sort=churnRisk&size=1").json().at("/items/0");
        JsonNode churn = ops.get("/api/v1/customers/" + riskiest.at("/userId").asString()).json().at("/churn");
        assertThat(churn.at("/factors")).isNotEmpty().hasSameSizeAs(churn.at("/reasons"))
                .isEqualTo(riskiest.at("/churnFactors"));
        for (int i = 0; i < churn.at("/factors").size(); i++) {
            assertThat(churn.at("/reasons/" + i).asString()).startsWith(churn.at("/factors/" + i + "/feature").asString()
                    + " = ");
            assertThat(Double.parseDouble(churn.at("/reasons/" + i).asString().split(" = ")[1]))
                    .isEqualTo(churn.at("/factors/" + i + "/value").asDouble());
        }
    }

    private static java.util.Set<String> ids(JsonNode page) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        page.at("/items").forEach(c -> ids.add(c.at("/userId").asString()));
        return ids;
    }

    /** A second refit, three months earlier: every segment-shift alert states the sizes of both refits. */
    private void assertAlertsOfARefitMatchTheSegmentsBeforeAndAfter(Api api, JsonNode before) {
        assertThat(refit(api, "/api/v1/refits?calibrationEnd=1997-06-30&horizonDays=364").at("/status").asString())
                .isEqualTo("DONE");
        JsonNode after = api.get("/api/v1/segments").json();
        java.util.Map<Integer, Integer> sizeBefore = new java.util.HashMap<>();
        before.forEach(s -> sizeBefore.put(s.at("/id").asInt(), s.at("/size").asInt()));
        List<JsonNode> shifts = new ArrayList<>();
        for (JsonNode s : after) {
            Integer was = sizeBefore.get(s.at("/id").asInt());
            if (was != null && Math.abs(s.at("/size").asInt() - was) > 0.2 * was) {
                shifts.add(s);
            }
        }
        List<JsonNode> alerts = new ArrayList<>();
        try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> reader =
                     io.keliu.testsupport.TopicReaders.fromEarliest(broker, "alerts-test", Topics.ALERTS)) {
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofSeconds(2)).until(() -> {
                reader.poll(Duration.ofMillis(500)).forEach(r -> alerts.add(
                        tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.value())));
                return alerts.stream().filter(a -> a.at("/type").asString().equals("customers.segment-shift"))
                        .count() >= shifts.size();
            });
        }
        List<JsonNode> shiftAlerts = alerts.stream()
                .filter(a -> a.at("/type").asString().equals("customers.segment-shift")).toList();
        assertThat(shiftAlerts).hasSameSizeAs(shifts);
        for (JsonNode shifted : shifts) {
            JsonNode alert = shiftAlerts.stream().filter(a -> a.at("/labels/segment").asString()
                    .equals(shifted.at("/id").asString())).findFirst().orElseThrow();
            assertThat(alert.at("/values/observed").asInt()).isEqualTo(shifted.at("/size").asInt());
            assertThat(alert.at("/values/expected").asInt()).isEqualTo(sizeBefore.get(shifted.at("/id").asInt()));
            assertThat(alert.at("/status").asString()).isEqualTo("FIRING");
            assertThat(alert.at("/summary/zhCN").asString()).isNotBlank();
            assertThat(alert.at("/summary/en").asString()).isNotBlank();
        }
        // the topic is shared with the other test classes of this JVM: FeedbackInteractionsTest's complaint spikes
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.at("/source").asString()).isEqualTo("profile-service");
            assertThat(a.at("/type").asString()).isIn("customers.segment-shift", "customers.valuable-at-risk",
                    "feedback.complaint-spike");
        });
    }

    private static JsonNode refit(Api api, String request) {
        Api.Response started = api.post(request);
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().at("/refitId").asString();
        await().atMost(Duration.ofSeconds(120)).until(() ->
                !api.get("/api/v1/refits/" + id).json().at("/status").asString().equals("RUNNING"));
        return api.get("/api/v1/refits/" + id).json();
    }

    private static UserProfile profile(String userId, int age, Gender gender) {
        return new UserProfile(userId, Instant.parse("2023-01-01T00:00:00Z"), null, null, age, gender, null, "教师",
                "杭州市", "浙江省", "教育", Instant.parse("2024-01-01T00:00:00Z"));
    }
}
