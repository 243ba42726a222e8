package io.keliu.bench;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.contracts.v1.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * profile-service benchmark (issue 11), in two steps run by bench/profile.sh:
 * {@code produce}: change events of order lines for N customers onto keliu.orders.v1 before the service starts;
 * {@code measure}: the projection's rate while it catches up alone, a full refit's duration and peak heap, and the
 * latency of the customer view and the filtered list, each beside a reference measured in the same run;
 * {@code --only projection} stops after the projection.
 */
public final class ProfileBenchmark {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Channel[] CHANNELS = Channel.values();
    private static final String[] CATEGORIES = {"服装", "美妆", "数码", "食品", "家居", "母婴", "图书"};

    private ProfileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int customers = Integer.parseInt(options.getOrDefault("customers", "1000000"));
        switch (args[0]) {
            case "produce" -> produce(options.get("bootstrap"), customers);
            case "measure" -> measureService(options, Long.parseLong(options.get("events")), customers);
            default -> throw new IllegalArgumentException("produce or measure");
        }
        System.exit(0); // the gateway key server of GatewayTokens would keep the JVM, and bench/profile.sh, running
    }

    /** Starts profile-service on the backlog (nightly refits off, so that only the measured refit runs), measures. */
    private static void measureService(Map<String, String> options, long events, int customers) throws Exception {
        BenchService service = new BenchService("profile-service",
                options.getOrDefault("service-jar", "profile-service/target/profile-service-0.1.0-SNAPSHOT.jar"),
                options.getOrDefault("port", "28082"), options.getOrDefault("jdbc",
                "jdbc:postgresql://localhost:25432/postgres"), options.getOrDefault("bootstrap", "localhost:29092"));
        Process process = service.start(List.of("-Xmx2g"), Map.of("KELIU_REFIT_CRON", "-",
                "KELIU_REFIT_FIRSTREFITEVERY", "PT100H"), Path.of(options.getOrDefault("out", "bench/out")));
        try {
            service.awaitHealthy();
            measure(service.baseUrl(), events, customers, options.getOrDefault("only", "").equals("projection"),
                    () -> CpuAccounting.start(process.pid(),
                    URI.create(options.getOrDefault("jdbc", "jdbc:postgresql://localhost:25432/postgres")
                            .substring("jdbc:".length())).getPort(),
                    Integer.parseInt(options.getOrDefault("bootstrap", "localhost:29092").replaceFirst(".*:", ""))));
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * One to five orders per customer (geometric, mean about 2), one line each, over two years before 2026-11-01;
     * every tenth order refunded later by a second event (before → after). Prints the number of events.
     */
    static void produce(String bootstrap, int customers) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(Topics.ORDERS, 3, (short) 1))).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
        Random random = new Random(11);
        Instant end = LocalDate.of(2026, 11, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        long events = 0;
        // compressed with lz4, as ingest-service publishes change events
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int c = 0; c < customers; c++) {
                String user = "B" + (1_000_000 + c);
                int orders = 1;
                while (orders < 5 && random.nextDouble() < 0.5) {
                    orders++;
                }
                for (int o = 0; o < orders; o++) {
                    Instant at = end.minusSeconds(random.nextInt(730 * 86_400));
                    BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(50_000), 2);
                    OrderLine line = line(user + "-" + o, user, at, amount, OrderStatus.COMPLETED, random);
                    send(producer, user, null, line);
                    events++;
                    if (random.nextInt(10) == 0) {
                        send(producer, user, line, new OrderLine(line.orderId(), line.lineKey(), user, false, at, at,
                                line.productId(), line.category(), line.quantity(), line.unitPrice(), line.amount(),
                                line.shippingAddress(), line.province(), line.city(), "CN", line.orderType(),
                                line.channel(), OrderStatus.REFUNDED, false, null, at.plusSeconds(86_400)));
                        events++;
                    }
                }
            }
        }
        System.out.println(events);
    }

    private static OrderLine line(String orderId, String user, Instant at, BigDecimal amount, OrderStatus status,
                                  Random random) {
        return new OrderLine(orderId, "1", user, false, at, at, "P" + random.nextInt(2000),
                CATEGORIES[random.nextInt(CATEGORIES.length)], 1, amount, amount, "浙江省杭州市西湖区文三路 100 号",
                "浙江省", "杭州市", "CN", OrderType.WEB, CHANNELS[random.nextInt(CHANNELS.length)], status, false, null,
                at);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String user, OrderLine before, OrderLine after) {
        ChangeEvent<OrderLine> event = new ChangeEvent<>(UUID.randomUUID().toString(), 1,
                after.orderId() + "/" + after.lineKey(), Instant.now(), before, after);
        producer.send(new ProducerRecord<>(Topics.ORDERS, user, JSON.writeValueAsBytes(event)));
    }

    static void measure(String service, long events, int customers, boolean projectionOnly,
                        Supplier<CpuAccounting> cpu) throws Exception {
        System.out.println("| what | figure | reference (same run) |");
        System.out.println("| --- | --- | --- |");
        projection(service, events, cpu);
        if (!projectionOnly) {
            refit(service);
            latencies(service, customers);
        }
    }

    /** From the first committed batch to the last event applied, the service alone on the backlog. */
    private static void projection(String service, long events, Supplier<CpuAccounting> cpuFromNow)
            throws Exception {
        long first = 0;
        long appliedAtFirst = 0;
        CpuAccounting cpu = null;
        while (true) {
            long applied = applied(service);
            if (applied > 0 && first == 0) {
                first = System.nanoTime();
                appliedAtFirst = applied;
                cpu = cpuFromNow.get();
            }
            if (applied >= events) {
                double seconds = (System.nanoTime() - first) / 1e9;
                System.out.printf("| projection, %,d change events of order lines | %,.0f events/s (%.1f s; %s) | |%n",
                        events - appliedAtFirst, (events - appliedAtFirst) / seconds, seconds,
                        cpu.perEvent(events - appliedAtFirst));
                return;
            }
            Thread.sleep(200);
        }
    }

    private static long applied(String service) throws Exception {
        JsonNode positions = getJson(service + "/actuator/projection");
        long sum = 0;
        for (JsonNode p : positions) {
            sum += p.get("nextOffset").asLong();
        }
        return sum;
    }

    private static void refit(String service) throws Exception {
        HttpResponse<String> started = HTTP.send(BenchTokens.signed(URI.create(service
                        + "/api/v1/refits?calibrationEnd=2026-11-01")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        String id = JSON.readTree(started.body()).get("refitId").asString();
        double peakHeap = 0;
        JsonNode refit;
        do {
            Thread.sleep(500);
            peakHeap = Math.max(peakHeap, heapUsed(service));
            refit = getJson(service + "/api/v1/refits/" + id);
        } while (refit.get("status").asString().equals("RUNNING"));
        double seconds = Duration.between(Instant.parse(refit.get("startedAt").asString()),
                Instant.parse(refit.get("finishedAt").asString())).toMillis() / 1000.0;
        double wholeSeconds;
        while (Double.isNaN(wholeSeconds = refitSeconds(service))) {
            Thread.sleep(500);
            peakHeap = Math.max(peakHeap, heapUsed(service));
        }
        System.out.printf("| full refit (RFM, CLV, value score, k-means, churn) of %,d customers: %s | results in %.1f"
                        + " s; every stage refreshed %.1f s after the start; peak heap %.2f GB (-Xmx2g) | |%n",
                refit.get("customers").asInt(),
                refit.get("status").asString() + (refit.get("error").isNull() ? "" : " " + refit.get("error")),
                seconds, wholeSeconds, peakHeap / 1e9);
    }

    /**
     * The refit's whole time once its timer has stopped, NaN before: after the results are swapped in, the service
     * still refreshes every customer's lifecycle stage, and the latencies are measured only after that.
     */
    private static double refitSeconds(String service) throws Exception {
        double count = Double.NaN;
        double total = Double.NaN;
        for (JsonNode m : getJson(service + "/actuator/metrics/keliu.profile.refit.duration").get("measurements")) {
            switch (m.get("statistic").asString()) {
                case "COUNT" -> count = m.get("value").asDouble();
                case "TOTAL_TIME" -> total = m.get("value").asDouble();
                default -> { }
            }
        }
        return count >= 1 ? total : Double.NaN;
    }

    private static double heapUsed(String service) throws Exception {
        JsonNode metric = getJson(service + "/actuator/metrics/jvm.memory.used?tag=area:heap");
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    private static void latencies(String service, int customers) throws Exception {
        Random random = new Random(5);
        double[] health = timed(service, 2000, r -> "/actuator/health");
        double[] view = timed(service, 2000, r -> "/api/v1/customers/B" + (1_000_000 + random.nextInt(customers)));
        String[] lists = {"/api/v1/customers?sort=clv&size=20", "/api/v1/customers?sort=churnRisk&minClv=100",
                "/api/v1/customers?lifecycle=active&sort=monetary", "/api/v1/customers?segment=2&sort=clv",
                "/api/v1/customers?province=浙江省&minChurnRisk=0.5&sort=clv&page=3"};
        double[] list = timed(service, 500, r -> lists[r % lists.length]);
        System.out.printf("| GET /api/v1/customers/{id}, 2,000 random of %,d | p50 %.1f ms, p95 %.1f ms, p99 %.1f ms"
                        + " | GET /actuator/health p95 %.1f ms |%n", customers, pct(view, 50), pct(view, 95),
                pct(view, 99), pct(health, 95));
        StringBuilder byMix = new StringBuilder();
        for (int mix = 0; mix < lists.length; mix++) {
            int m = mix;
            double[] ofMix = java.util.stream.IntStream.range(0, list.length).filter(i -> i % lists.length == m)
                    .mapToDouble(i -> list[i]).toArray();
            byMix.append(String.format("%s%s p95 %.1f ms", mix == 0 ? "" : "; ",
                    lists[mix].substring(lists[mix].indexOf('?') + 1), pct(ofMix, 95)));
        }
        System.out.printf("| GET /api/v1/customers?… (5 filter/sort mixes), 500 | p50 %.1f ms, p95 %.1f ms, p99 %.1f"
                + " ms | by mix: %s |%n", pct(list, 50), pct(list, 95), pct(list, 99), byMix);
    }

    private static double[] timed(String service, int n, java.util.function.IntFunction<String> path)
            throws Exception {
        for (int i = 0; i < 100; i++) {
            get(service + path.apply(i));
        }
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            String uri = service + path.apply(i);
            long start = System.nanoTime();
            HttpResponse<String> response = get(uri);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        return millis;
    }

    private static double pct(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HTTP.send(BenchTokens.signed(URI.create(uri.replace("浙江省", "%E6%B5%99%E6%B1%9F%E7%9C%81")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(String uri) throws Exception {
        return JSON.readTree(get(uri).body());
    }
}
