package io.keliu.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.keliu.contracts.v1.GatewayToken;
import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.Chromium;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The dashboard's performance targets (issue 15), each beside a reference measured in the same run, with the gateway
 * and the services the overview reads (ingest, forecast, order-analytics, notify) started as the platform runs them:
 * <ol>
 * <li>the overview interactive with {@code --lines} order lines stored (default 10M over the last 365 days), median
 * and p95 over {@code --loads} loads (reference: the same page with empty stores, before the data is written);</li>
 * <li>a live update on screen: an order sent to ingest's raw topic until its row in the overview's ticker, p99 over
 * {@code --live-orders} orders (reference: until its change event on keliu.orders.v1, i.e. ingested);</li>
 * <li>the gateway's CPU with {@code --dashboards} overviews open, each signed in as a user of its own, orders
 * arriving at {@code --rate} a second for {@code --seconds} (reference: the same without dashboards).</li>
 * </ol>
 * "Interactive": every panel's {@code data-state} is ready or empty and a task posted then runs within 50 ms (no
 * long task holds the main thread, so input is answered); timed in the page from the navigation's start.
 * Usage (bench/dashboard.sh starts PostgreSQL and the broker): {@code --bootstrap localhost:33092 --jdbc
 * jdbc:postgresql://localhost:33432/postgres --out bench/out [--lines 10000000] [--loads 20] [--live-orders 100]
 * [--dashboards 50] [--seconds 60] [--rate 2]}
 */
public final class DashboardBenchmark {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int GATEWAY_PORT = 33080;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Installed in every page before its scripts: records in {@code window.keliuInteractive} when the overview became
     * interactive (ms since the navigation's start) and the panels' states then.
     */
    private static final String INTERACTIVE_WATCH = """
            (() => {
              const panels = () => [...document.querySelectorAll('section.panel')];
              const settled = () => panels().length > 0
                && panels().every(p => ['ready', 'empty', 'error'].includes(p.dataset.state));
              const responsive = () => new Promise(resolve => {
                const asked = performance.now();
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - asked <= 50);
                channel.port2.postMessage(0);
              });
              const watch = async () => {
                while (performance.now() < 120000) {
                  if (settled() && await responsive()) {
                    window.keliuInteractive = {at: performance.now(),
                      states: panels().map(p => p.dataset.panel + '=' + p.dataset.state)};
                    return;
                  }
                  await new Promise(resolve => setTimeout(resolve, 10));
                }
              };
              if (location.pathname === '/overview') watch();
            })()""";

    /** Installed in the live page: the wall-clock time each order id first showed in the ticker. */
    private static final String TICKER_WATCH = """
            () => {
              window.keliuSeen = {};
              new MutationObserver(() => {
                for (const row of document.querySelectorAll('.ticker li')) {
                  const id = row.querySelector('[data-user-content]')?.textContent;
                  if (id) window.keliuSeen[id] ??= performance.timeOrigin + performance.now();
                }
              }).observe(document.querySelector('.ticker'), {childList: true, subtree: true});
            }""";

    private final Map<String, String> options;
    private final Path out;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ResultTable results = new ResultTable();
    private final List<Process> services = new ArrayList<>();
    private final String password = "bench-" + UUID.randomUUID();
    private Process gateway;
    private Chromium chromium;

    private DashboardBenchmark(Map<String, String> options) {
        this.options = options;
        this.out = Path.of(option("out", "bench/out"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arguments.of(args);
        DashboardBenchmark benchmark = new DashboardBenchmark(options);
        int status = 1;
        try {
            benchmark.run();
            status = 0;
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
        } finally {
            benchmark.stop();
            System.exit(status); // Playwright's and the producers' threads would keep the JVM running
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        Files.createDirectories(out);
        startServices();
        chromium = Chromium.launchOrSkip();
        long lines = Long.parseLong(option("lines", "10000000"));
        int loads = intOption("loads", 20);

        double[] empty = interactive(loads);
        storeOrders(lines);
        double[] stored = interactive(loads);
        results.row("overview interactive, " + fmt(lines) + " order lines stored, " + loads + " loads",
                "median " + ms(stored, 0.5) + ", p95 " + ms(stored, 0.95),
                "empty stores: median " + ms(empty, 0.5) + ", p95 " + ms(empty, 0.95), "< 1.5 s");

        liveUpdates(intOption("live-orders", 100));
        gatewayCpu(intOption("dashboards", 50), intOption("seconds", 60));

        results.print(out.resolve("dashboard-results.md"));
    }

    // ---- the platform ----

    private void startServices() throws Exception {
        String jwks = "http://localhost:" + GATEWAY_PORT + GatewayToken.JWKS_PATH;
        Map<String, String> platform = Map.of("KELIU_GATEWAY_JWKS_URL", jwks, "KELIU_ZONE", ZONE.getId());
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ingest-service", 33081);
        ports.put("forecast-service", 33083);
        ports.put("order-analytics-service", 33084);
        ports.put("notify-service", 33085);
        List<BenchService> started = new ArrayList<>();
        for (Map.Entry<String, Integer> service : ports.entrySet()) {
            Map<String, String> environment = new HashMap<>(platform);
            if (service.getKey().equals("notify-service")) {
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                environment.put("KELIU_NOTIFY_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(key));
            }
            BenchService bench = service(service.getKey(), service.getValue());
            services.add(bench.start(List.of("-Xmx512m"), environment, out));
            started.add(bench);
        }
        Path secrets = out.resolve("dashboard-secrets");
        deleteRecursively(secrets);
        Map<String, String> environment = new HashMap<>(platform);
        ports.forEach((name, port) -> environment.put("KELIU_" + name.replace("-service", "").replace('-', '_')
                .toUpperCase(Locale.ROOT) + "_URL", "http://localhost:" + port));
        environment.put("KELIU_SECRETS_DIR", secrets.toString());
        environment.put("KELIU_ADMIN_PASSWORD", password);
        gateway = service("gateway", GATEWAY_PORT).start(List.of("-Xmx512m"), environment, out);
        services.add(gateway);
        for (BenchService service : started) {
            service.awaitHealthy();
        }
        // the gateway reports the services it does not reach (profile-service is not started): any answer will do
        ImportRun.awaitHealthy(gatewayUrl(), true);
    }

    private BenchService service(String name, int port) {
        return new BenchService(name, name + "/target/" + name + "-0.1.0-SNAPSHOT.jar", String.valueOf(port),
                option("jdbc", "jdbc:postgresql://localhost:33432/postgres"), option("bootstrap", "localhost:33092"));
    }

    /**
     * The stored data of {@code lines} order lines over the 365 days to now: the order lines of order-analytics and
     * forecast-service, their rollups and traffic buckets (minutes for the last day, as the live panel reads them).
     */
    private void storeOrders(long lines) throws Exception {
        System.out.printf("storing %,d order lines…%n", lines);
        long started = System.nanoTime();
        Instant now = Instant.now();
        Instant yearAgo = now.minus(365, ChronoUnit.DAYS);
        LocalDate today = LocalDate.now(ZONE);
        StoredOrders stored = StoredOrders.of(lines, 365);
        try (Connection db = DriverManager.getConnection(option("jdbc", "jdbc:postgresql://localhost:33432/postgres"),
                "postgres", "postgres"); Statement sql = db.createStatement()) {
            StoredOrders.orderLines(sql, lines, yearAgo, now);
            stored.orderAnalyticsRollups(sql, today.minusDays(365), today);
            stored.forecastTraffic(sql, List.of("DAY", "HOUR"), today.minusDays(365) + " 00:00+08", now.toString());
            stored.trafficBuckets(sql, "MINUTE", now.minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES)
                    .toString(), now.toString());
        }
        System.out.printf("stored in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    // ---- 1. interactive ----

    /** Sorted milliseconds to interactive of {@code loads} loads after one unmeasured, in one signed-in window. */
    private double[] interactive(int loads) throws IOException {
        try (BrowserContext context = signedIn("admin", password)) {
            Page page = context.newPage();
            double[] millis = new double[loads];
            for (int i = -1; i < loads; i++) {
                double at = openOverview(page);
                if (i >= 0) {
                    millis[i] = at;
                }
            }
            java.util.Arrays.sort(millis);
            return millis;
        }
    }

    /** Loads the overview; answers its milliseconds to interactive, failing if a panel is in error. */
    @SuppressWarnings("unchecked")
    private double openOverview(Page page) {
        page.navigate(gatewayUrl() + "/overview");
        Map<String, Object> interactive = (Map<String, Object>) page.waitForFunction("() => window.keliuInteractive",
                null, new Page.WaitForFunctionOptions().setTimeout(SETTLE_TIMEOUT.toMillis())).jsonValue();
        List<String> states = (List<String>) interactive.get("states");
        if (states.stream().anyMatch(state -> state.endsWith("=error"))) {
            throw new IllegalStateException("a panel of the overview failed: " + states + "; see " + out);
        }
        return ((Number) interactive.get("at")).doubleValue();
    }

    // ---- 2. live ----

    /**
     * Sends orders one every 500 ms (under the ticker's 10 a second) while the overview is open, and times each until
     * its change event (ingested) and until its row in the ticker.
     */
    @SuppressWarnings("unchecked")
    private void liveUpdates(int orders) throws Exception {
        SyntheticOrders synthetic = new SyntheticOrders("LIVE" + run + "-");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> ingestedAt = new ConcurrentHashMap<>();
        try (BrowserContext context = signedIn("admin", password);
             KafkaConsumer<String, byte[]> events = LatencyRun.changeEventsFromNow(bootstrap())) {
            Page page = context.newPage();
            openOverview(page);
            page.evaluate(TICKER_WATCH);
            AtomicBoolean sending = new AtomicBoolean(true);
            Thread receiver = Thread.ofPlatform().start(() -> {
                while (sending.get() || ingestedAt.size() < sentAt.size()) {
                    for (ConsumerRecord<String, byte[]> event : events.poll(Duration.ofMillis(50))) {
                        String key = LatencyRun.eventKey(event.value());
                        ingestedAt.putIfAbsent(key.substring(0, key.indexOf('/')), System.currentTimeMillis());
                    }
                    if (!sending.get() && System.currentTimeMillis() - lastOf(sentAt) > 30_000) {
                        return;
                    }
                }
            });
            try (KafkaProducer<String, byte[]> producer = LatencyRun.producer(bootstrap())) {
                for (int i = 0; i < orders; i++) {
                    long line = 2L * i; // the first line of order i: one line an order
                    sentAt.put(synthetic.orderId(line), System.currentTimeMillis());
                    producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, synthetic.orderId(line),
                            synthetic.json(line).getBytes(StandardCharsets.UTF_8)));
                    producer.flush();
                    Thread.sleep(500);
                }
            } finally {
                sending.set(false);
            }
            receiver.join(TimeUnit.SECONDS.toMillis(40));
            long deadline = System.currentTimeMillis() + 30_000;
            Map<String, Number> seen = Map.of();
            while (System.currentTimeMillis() < deadline) {
                seen = (Map<String, Number>) page.evaluate("() => window.keliuSeen");
                if (seen.keySet().containsAll(sentAt.keySet())) {
                    break;
                }
                Thread.sleep(500);
            }
            double[] onScreen = latencies(sentAt, seen);
            double[] ingested = latencies(sentAt, ingestedAt);
            Map<String, Number> shown = seen;
            double[] afterIngest = sentAt.keySet().stream().filter(id -> shown.containsKey(id)
                    && ingestedAt.containsKey(id)).mapToDouble(id -> shown.get(id).doubleValue()
                    - ingestedAt.get(id)).sorted().toArray();
            results.row("live update on screen (ticker), " + orders + " orders at 2/s",
                    "from the send: p50 " + ms(onScreen, 0.5) + ", p99 " + ms(onScreen, 0.99) + "; after ingested: p50 "
                            + ms(afterIngest, 0.5) + ", p99 " + ms(afterIngest, 0.99) + "; not shown: "
                            + (orders - onScreen.length),
                    "ingested (change event): p50 " + ms(ingested, 0.5) + ", p99 " + ms(ingested, 0.99),
                    "< 2 s after ingested");
        }
    }

    private static long lastOf(Map<String, Long> times) {
        return times.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static double[] latencies(Map<String, Long> sentAt, Map<String, ? extends Number> arrivedAt) {
        return sentAt.entrySet().stream().filter(sent -> arrivedAt.containsKey(sent.getKey()))
                .mapToDouble(sent -> arrivedAt.get(sent.getKey()).doubleValue() - sent.getValue()).sorted().toArray();
    }

    // ---- 3. the gateway's CPU ----

    /**
     * The gateway's CPU over {@code seconds} without dashboards, then with {@code dashboards} overviews open (each
     * its own user, window and SSE stream), orders arriving at {@code --rate} a second throughout.
     */
    private void gatewayCpu(int dashboards, int seconds) throws Exception {
        List<String> users = createUsers(dashboards);
        double idle = withOrdersArriving(seconds, () -> { });
        List<BrowserContext> open = new ArrayList<>();
        try {
            for (String user : users) {
                BrowserContext context = signedIn(user, password);
                open.add(context);
                openOverview(context.newPage());
            }
            int[] live = new int[1];
            // panels refresh only while their page is visible: count the pages that are, with their stream open
            double busy = withOrdersArriving(seconds, () -> live[0] = (int) open.stream()
                    .filter(context -> Boolean.TRUE.equals(context.pages().getFirst().evaluate("() => document"
                            + ".visibilityState === 'visible' && document.querySelector('[data-live-state]')"
                            + ".dataset.liveState === 'open'"))).count());
            results.row("gateway CPU, " + dashboards + " overviews open (" + live[0] + " visible, live stream open), "
                            + option("rate", "2") + " orders/s, " + seconds + " s",
                    percent(busy) + " of one core", "no dashboard open: " + percent(idle), "< 5 % of one core");
        } finally {
            open.forEach(BrowserContext::close);
        }
    }

    /** The gateway's CPU seconds per wall second while orders arrive for {@code seconds}; {@code atEnd} runs last. */
    private double withOrdersArriving(int seconds, Runnable atEnd) throws Exception {
        SyntheticOrders synthetic = new SyntheticOrders("CPU" + run + "-" + System.nanoTime() + "-");
        int rate = intOption("rate", 2);
        long pid = gateway.pid();
        double cpuBefore = CpuAccounting.processSeconds(pid);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = LatencyRun.producer(bootstrap())) {
            for (long i = 0; i < (long) rate * seconds; i++) {
                long due = started + i * 1_000_000_000L / rate;
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, synthetic.orderId(2 * i),
                        synthetic.json(2 * i).getBytes(StandardCharsets.UTF_8)));
            }
        }
        TimeUnit.NANOSECONDS.sleep(Math.max(0, started + TimeUnit.SECONDS.toNanos(seconds) - System.nanoTime()));
        double cpu = CpuAccounting.processSeconds(pid) - cpuBefore;
        double wall = (System.nanoTime() - started) / 1e9;
        atEnd.run();
        return cpu / wall;
    }

    /** Users of role OPS, {@code count} of them, with the benchmark's password. */
    private List<String> createUsers(int count) throws Exception {
        String key = Files.readString(out.resolve("dashboard-secrets").resolve("admin-api-key")).strip();
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String user = "bench-" + run + "-" + i;
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl() + "/api/v1/users"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + key)
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"username": "%s", "password": "%s", "roles": ["OPS"]}""".formatted(user, password)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("user " + user + ": " + created.statusCode() + " " + created.body());
            }
            users.add(user);
        }
        return users;
    }

    // ---- helpers ----

    /** A desktop-sized window signed in as {@code user}, the watch for interactivity installed. */
    private BrowserContext signedIn(String user, String secret) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setTimezoneId(ZONE.getId()));
        context.addInitScript(INTERACTIVE_WATCH);
        Page page = context.newPage();
        page.navigate(gatewayUrl() + "/login");
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(secret);
        page.locator("form button[type=submit]").click();
        page.waitForURL(url -> !url.startsWith(gatewayUrl() + "/login"));
        page.close();
        return context;
    }

    private String gatewayUrl() {
        return "http://localhost:" + GATEWAY_PORT;
    }

    private String bootstrap() {
        return option("bootstrap", "localhost:33092");
    }

    private void stop() throws InterruptedException {
        if (chromium != null) {
            chromium.close();
        }
        services.forEach(Process::destroy);
        for (Process service : services) {
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String ms(double[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "–";
        }
        double value = sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
        return String.format(Locale.ROOT, "%,.0f ms", value);
    }

    private static String percent(double coreShare) {
        return String.format(Locale.ROOT, "%.1f %%", coreShare * 100);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
