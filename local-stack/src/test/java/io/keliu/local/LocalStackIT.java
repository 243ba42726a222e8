package io.keliu.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.contracts.v1.Topics;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack as {@code bin/keliu up} runs it (real PostgreSQL, real broker, the services' jars as child JVMs, the
 * simulator), on free ports and in a data directory of its own so that it does not collide with a stack the developer
 * is running. The stack is shared with {@link DashboardIT} ({@link SharedStack}).
 */
@ExtendWith(SharedStack.class)
@Order(SharedStack.ORDER)
class LocalStackIT {
    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(90);
    /** Complaints are analysed every minute (keliu.feedback.analysis-interval); on a loaded machine one may run late. */
    private static final Duration SPIKE_TIMEOUT = Duration.ofSeconds(180);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack.Settings settings;

    @BeforeAll
    static void useTheSharedStack(LocalStack.Settings stack) {
        settings = stack;
    }

    @Test
    void a_csv_import_through_the_gateway_answers_a_summary_and_publishes_the_order() throws Exception {
        String orderId = "IT-CSV-" + UUID.randomUUID();
        String csv = """
                order_id,user_id,created_at,paid_at,product_id,quantity,amount,shipping_address,order_type,channel,status,cancelled,remark,line_no
                %1$s,U100001,2026-11-20T20:15:00,2026-11-20T20:16:00,P1001,2,19.80,浙江省杭州市西湖区文三路 123 号,网络,微信,待发货,false,,1
                %1$s,U100001,2026-11-20T20:15:00,2026-11-20T20:16:00,P1302,1,89.00,浙江省杭州市西湖区文三路 123 号,网络,微信,待发货,false,,2
                %1$s-BAD,U100001,2026-11-20T20:15:00,,P1001,1,9.90,上海市浦东新区张江路 88 号,网络,飞鸽传书,待发货,false,,1
                """.formatted(orderId);

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + settings.ports().gateway() + "/api/v1/imports/orders"))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Authorization", adminKey())
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.get("accepted").asInt()).isEqualTo(2);
        assertThat(summary.get("rejected").asInt()).isEqualTo(1);
        assertThat(summary.get("duplicates").asInt()).isZero();
        assertThat(summary.get("errors").get(0).get("field").asString()).isEqualTo("channel");
        assertThat(orderIdsArriving(Set.of(orderId))).containsExactly(orderId);
    }

    /** The README's trial: an email and a WeCom robot (the catcher's stand-in) subscribed, an alert delivered to both. */
    @Test
    void an_alert_reaches_a_subscribed_mailbox_and_robot_and_the_delivery_log() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> subscribed = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + settings.ports().gateway() + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json").header("Authorization", adminKey())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "trial", "recipients": [
                          {"channel": "EMAIL", "address": "trial-%1$s@example.com"},
                          {"channel": "WECOM_ROBOT", "address": "trial-robot-%1$s"}]}""".formatted(run)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

        Alert alert = new Alert("it-" + run, Alert.SCHEMA_VERSION, "traffic.anomaly", AlertSeverity.WARNING,
                AlertStatus.FIRING, "traffic.anomaly/it-" + run, Map.of("region", "广东省"),
                new Alert.Localized("广东省订单异常偏高 " + run, "Orders high " + run),
                new Alert.Localized("观测 120，预测区间 80–100。", "Observed 120, forecast 80–100."),
                Map.of("observed", 120.0), Instant.now(), null, "LocalStackIT", "/time");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS, alert.dedupeKey(), JSON.writeValueAsString(alert)));
        }

        String catcher = "http://localhost:" + settings.ports().mailWeb();
        assertThat(answerMentions(catcher + "/api/mails", "trial-" + run + "@example.com")).isTrue();
        assertThat(answerMentions(catcher + "/api/wecom", "广东省订单异常偏高 " + run)).isTrue();
        // the dashboard's Alerts view reads the catcher through the gateway, which bin/keliu up told where it is
        assertThat(answerMentions("http://localhost:" + settings.ports().gateway() + "/api/v1/mail-catcher",
                "trial-" + run + "@example.com")).isTrue();
        assertThat(answerMentions("http://localhost:" + settings.ports().gateway()
                + "/api/v1/notifications?status=SENT", "\"ACCEPTED\"")).isTrue();
    }

    /**
     * Issue 16's "Done when": a burst of alike complaints of twelve customers, imported through the gateway, is a topic
     * of its own with 12 complaints in 24 hours where none are usual, so a spike alert reaches the subscribed mailbox
     * (profile-service analyses the complaints every minute; the simulator's own spikes are about other words).
     */
    @Test
    void a_burst_of_alike_complaints_reaches_a_subscribed_mailbox_as_a_complaint_spike() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String address = "complaints-" + run + "@example.com";
        HttpResponse<String> subscribed = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + settings.ports().gateway() + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json").header("Authorization", adminKey())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "complaint spikes %s", "recipients": [{"channel": "EMAIL", "address": "%s"}],
                         "match": {"types": ["feedback.complaint-spike"]}}""".formatted(run, address)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);

        StringBuilder csv = new StringBuilder("feedback_id,user_id,kind,channel,rating,text,created_at,status\n");
        for (int i = 0; i < 12; i++) {
            String raisedAt = OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofMinutes(5L * i + 1)),
                    ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).toString();
            csv.append("CS-%s-%d,U-CS-%s-%d,COMPLAINT,APP,1,\"My umbrella handle snapped off, umbrella %d useless\",%s,OPEN\n"
                    .formatted(run, i, run, i, i, raisedAt));
        }
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + settings.ports().gateway() + "/api/v1/imports/feedback"))
                .header("Content-Type", "text/csv; charset=UTF-8").header("Authorization", adminKey())
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).get("accepted").asInt()).as(imported.body()).isEqualTo(12);

        String catcher = "http://localhost:" + settings.ports().mailWeb() + "/api/mails";
        Instant deadline = Instant.now().plus(SPIKE_TIMEOUT);
        JsonNode spikeMail = null;
        while (spikeMail == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            for (JsonNode mail : JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(catcher)).build(),
                    HttpResponse.BodyHandlers.ofString()).body())) {
                if (mail.path("to").asString().contains(address)
                        && (mail.path("subject").asString() + mail.path("text").asString()).contains("umbrella")) {
                    spikeMail = mail;
                }
            }
        }
        assertThat(spikeMail).as("a complaint-spike mail about the umbrella to " + address).isNotNull();
        assertThat(spikeMail.path("text").asString()).contains("12");
    }

    /** Whether what {@code url} answers mentions {@code text} before the timeout. */
    private static boolean answerMentions(String url, String text) throws Exception {
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            // the catcher ignores the key; the gateway needs it
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", adminKey()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains(text)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    @Test
    void a_service_port_called_directly_without_a_token_answers_401_and_health_only_its_status() throws Exception {
        HttpResponse<String> direct = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + settings.ports().ingest() + "/api/v1/ingest/summary")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(401);
        HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + settings.ports().orderAnalytics() + "/api/v1/orders/report")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(401);
        for (int port : new int[]{settings.ports().ingest(), settings.ports().orderAnalytics(),
                settings.ports().gateway()}) {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(settings.adminPasswordFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void the_admin_password_written_on_the_first_start_logs_in_at_login() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String gateway = "http://localhost:" + settings.ports().gateway();
        HttpResponse<String> form = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        String password = Files.readString(settings.adminPasswordFile());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        HttpResponse<String> summary = browser.send(HttpRequest.newBuilder(URI.create(gateway
                + "/api/v1/ingest/summary")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
    }

    /** Every operation of the merged document, called without credentials: the API has no open door. */
    @Test
    void every_operation_in_the_merged_openapi_document_needs_credentials() throws Exception {
        String gateway = "http://localhost:" + settings.ports().gateway();
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(document.body()).get("paths");
        assertThat(paths.propertyNames()).contains("/api/v1/imports/{kind}", "/api/v1/ingest/summary",
                "/api/v1/users", "/api/v1/api-keys", "/api/v1/audit");
        int called = 0;
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (!Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                URI uri = URI.create(gateway + path.replaceAll("\\{[^}]+}", "x"));
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .method(method.toUpperCase(), HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(method + " " + path).isEqualTo(401);
                called++;
            }
        }
        assertThat(called).isGreaterThanOrEqualTo(10);
    }

    @Test
    void raw_records_sent_to_kafka_reach_the_change_topic_or_the_dead_letters() throws Exception {
        String run = UUID.randomUUID().toString();
        Map<String, String> orders = new HashMap<>();
        for (int i = 1; i <= 3; i++) {
            String orderId = "IT-RAW-" + run + "-" + i;
            orders.put(orderId, rawOrderLine(orderId));
        }
        String brokenKey = "IT-RAW-" + run + "-broken";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            orders.forEach((key, json) -> producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, key, json)));
            producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, brokenKey, "{\"order_id\":\"" + brokenKey));
        }

        assertThat(orderIdsArriving(orders.keySet())).containsExactlyInAnyOrderElementsOf(orders.keySet());
        assertThat(valuesArriving(Topics.INGEST_DEAD_LETTER, brokenKey)).isTrue();
    }

    @Test
    void an_imported_order_file_reaches_the_order_report_through_the_gateway() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                order_id,user_id,created_at,paid_at,product_id,quantity,amount,order_type,channel,status,cancelled
                OA-%1$s-1,U1,2023-03-05 10:00:00,2023-03-05 10:01:00,P1,2,30.00,网络,微信,已完成,否
                OA-%1$s-1,U1,2023-03-05 10:00:00,2023-03-05 10:01:00,P1,1,15.00,网络,微信,已完成,否
                OA-%1$s-2,U2,2023-03-05 11:00:00,2023-03-05 11:02:00,P2,1,99.90,网络,APP,已取消,是
                C-%1$s-3,U1,2023-03-05 12:00:00,,P1,-1,-15.00,网络,微信,已退款,是
                """.formatted(run);
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + settings.ports().gateway() + "/api/v1/imports/orders"))
                .header("Content-Type", "text/csv; charset=UTF-8").header("Authorization", adminKey())
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        // 2023-03-05 holds only this test's orders: net 30 + 15 − 15, one placed order cancelled of two
        URI report = URI.create("http://localhost:" + settings.ports().gateway()
                + "/api/v1/orders/report?from=2023-03-05&to=2023-03-05");
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        JsonNode point = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(report).header("Authorization", adminKey())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode series = JSON.readTree(response.body()).get("series");
            point = series.isEmpty() ? null : series.get(0).get("points").get(0);
            if (point != null && point.get("orders").asInt() == 2 && point.get("refundedOrders").asInt() == 1) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(point).isNotNull();
        assertThat(point.get("netRevenue").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(point.get("cancelledOrders").asInt()).isEqualTo(1);
    }

    @Test
    void an_imported_order_makes_a_customer_in_the_profile_service_behind_the_gateway() throws Exception {
        String user = "U-IT-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                order_id,user_id,created_at,product_id,quantity,amount,channel,status
                %1$s-1,%1$s,2026-11-20T20:15:00,P1001,2,19.80,微信,已完成
                """.formatted(user);
        HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + settings.ports().gateway() + "/api/v1/imports/orders"))
                .header("Content-Type", "text/csv; charset=UTF-8").header("Authorization", adminKey())
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        URI customer = URI.create("http://localhost:" + settings.ports().gateway() + "/api/v1/customers/" + user);
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        HttpResponse<String> view;
        do {
            Thread.sleep(500);
            view = HTTP.send(HttpRequest.newBuilder(customer).header("Authorization", adminKey()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } while (view.statusCode() == 404 && Instant.now().isBefore(deadline));
        assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
        assertThat(JSON.readTree(view.body()).at("/purchases/monetaryTotal").decimalValue())
                .isEqualByComparingTo("19.80");
    }

    @Test
    void imported_order_files_give_daily_traffic_equal_to_a_hand_computation_from_the_files() throws Exception {
        TrafficByHand byHand = new TrafficByHand();
        for (String file : List.of("/traffic/orders-day-one.csv", "/traffic/orders-day-three.csv")) {
            JsonNode summary = importOrders(file);
            Set<Integer> rejected = new HashSet<>();
            summary.get("errors").forEach(error -> rejected.add(error.get("line").asInt()));
            byHand.apply(file, rejected);
            if (file.endsWith("day-one.csv")) {
                assertThat(rejected).as("the two broken rows, and only those").containsExactlyInAnyOrder(14, 15);
            }
        }
        Map<java.time.LocalDate, TrafficByHand.Day> expected = byHand.byDay();
        assertThat(expected).hasSize(3);

        Map<java.time.LocalDate, TrafficByHand.Day> served = Map.of();
        Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
        while (!served.equals(expected) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            served = dailyTraffic("2026-10-12", "2026-10-14");
        }
        assertThat(served).isEqualTo(expected);
    }

    private static JsonNode importOrders(String resource) throws Exception {
        byte[] csv;
        try (var in = LocalStackIT.class.getResourceAsStream(resource)) {
            csv = in.readAllBytes();
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + settings.ports().gateway() + "/api/v1/imports/orders"))
                .header("Content-Type", "text/csv; charset=UTF-8").header("Authorization", adminKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The gateway's daily traffic, read into the hand computation's form (revenue to two decimals). */
    private static Map<java.time.LocalDate, TrafficByHand.Day> dailyTraffic(String from, String to) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + settings.ports().gateway() + "/api/v1/traffic?from=" + from + "&to=" + to))
                .header("Authorization", adminKey()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<java.time.LocalDate, TrafficByHand.Day> days = new java.util.TreeMap<>();
        for (JsonNode point : JSON.readTree(response.body()).get("series").get(0).get("points")) {
            if (point.get("orders").asLong() > 0) {
                days.put(java.time.OffsetDateTime.parse(point.get("start").asString()).toLocalDate(),
                        new TrafficByHand.Day(point.get("orders").asLong(), point.get("lines").asLong(),
                                point.get("customers").asLong(), point.get("anonymousOrders").asLong(),
                                point.get("revenue").decimalValue().setScale(2)));
            }
        }
        return days;
    }

    /** The admin API key the gateway's first start wrote, as an Authorization header. */
    private static String adminKey() throws IOException {
        return "Bearer " + Files.readString(settings.adminApiKeyFile());
    }

    private static String rawOrderLine(String orderId) {
        Map<String, Object> line = new HashMap<>();
        line.put("order_id", orderId);
        line.put("user_id", "U100002");
        line.put("created_at", "2026-11-21T12:05:00");
        line.put("paid_at", "2026-11-21T12:06:00+08:00");
        line.put("product_id", "P1801");
        line.put("quantity", 1);
        line.put("amount", 299.00);
        line.put("shipping_address", "广东省深圳市南山区科技园路 8 号");
        line.put("order_type", "WEB");
        line.put("channel", "APP");
        line.put("status", "PAID");
        line.put("cancelled", false);
        line.put("remark", "");
        return JSON.writeValueAsString(line);
    }

    /**
     * The subset of {@code wanted} seen as order ids in change events before the timeout. An event is about one line
     * and its message key is the customer (the partition key), so the order id is read from the line itself.
     */
    private static Set<String> orderIdsArriving(Set<String> wanted) {
        Set<String> seen = new HashSet<>();
        readUntil(Topics.ORDERS, record -> {
            String orderId = JSON.readTree(record.value()).path("after").path("orderId").asString();
            if (wanted.contains(orderId)) {
                seen.add(orderId);
            }
            return seen.size() == wanted.size();
        });
        return seen;
    }

    /** Whether a message whose value mentions {@code text} appears on {@code topic} before the timeout. */
    private static boolean valuesArriving(String topic, String text) {
        return readUntil(topic, record -> record.value() != null && record.value().contains(text));
    }

    private static boolean readUntil(String topic, Predicate<ConsumerRecord<String, String>> done) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(ARRIVAL_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (done.test(record)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
