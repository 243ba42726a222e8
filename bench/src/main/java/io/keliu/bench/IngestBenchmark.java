package io.keliu.bench;

import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.Topics;
import io.keliu.testsupport.GatewayTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end ingest benchmark, run by bench/ingest.sh against a broker and PostgreSQL in their own JVMs:
 * <ol>
 *   <li>fills keliu.raw.orders with N order lines (not timed as ingest);</li>
 *   <li>starts ingest-service (-Xmx512m) and times raw topic → validated → PostgreSQL committed, from the first
 *       committed offset to the last (offsets are committed only after the database commit), sampling its heap;</li>
 *   <li>times a CSV import of M lines through {@code bin/keliu import};</li>
 *   <li>times a plain COPY of the very rows ingest stored into an identical table: the reference.</li>
 * </ol>
 * With {@code --latency 10,100,1000,10000} it measures latency instead ({@link LatencyRun}): raw lines sent at each
 * fixed rate for {@code --latency-seconds} (default 60) each, timed from the send to their change event's arrival.
 * With {@code --imports N} it times imports instead ({@link ImportRun}): a synthetic and a real-shaped N-line file,
 * each straight into ingest-service and through the gateway.
 */
public final class IngestBenchmark {
    private static final Pattern HEAP = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)");

    /**
     * How often the heap is sampled while the pipeline runs: rarely, since each probe signs a token here and has the
     * service verify it, on the same cores as the pipeline it measures.
     */
    private static final long HEAP_PROBE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = "B" + Long.toString(System.currentTimeMillis() % 100_000_000, 36) + "-";
    private final Path out;

    private IngestBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.out = Files.createDirectories(Path.of(option("out", "bench/out")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Arguments.of(args);
        new IngestBenchmark(options).run();
        System.exit(0); // the gateway key server of GatewayTokens would keep the JVM, and bench/ingest.sh, running
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        if (options.containsKey("latency")) {
            runLatency();
            return;
        }
        if (options.containsKey("imports")) {
            runImports();
            return;
        }
        long lines = Long.parseLong(option("lines", "2000000"));
        long importLines = Long.parseLong(option("import-lines", "1000000"));
        SyntheticOrders orders = new SyntheticOrders(run);
        double produceSeconds = produce(orders, lines);
        System.out.printf("produced %,d raw order lines in %.1f s%n", lines, produceSeconds);

        Process ingest = startIngest();
        try {
            Pipeline pipeline = measurePipeline(lines, ingest.pid());
            long stored = count("select count(*) from ingest.order_lines where order_id like '" + run + "%'");
            long events = changeEvents();
            Path csv = writeCsv(new SyntheticOrders(run + "I"), importLines);
            CpuAccounting importCpu = cpuFrom(ingest.pid());
            double importSeconds = timeImport(csv);
            Map<String, Double> importCpuSeconds = importCpu.secondsSinceStart();
            long imported = count("select count(*) from ingest.order_lines where order_id like '" + run + "I%'");
            ingest.destroy();
            ingest.waitFor(30, TimeUnit.SECONDS);
            double copySeconds = copyReference();
            report(lines, pipeline, stored, events, importLines, importSeconds, imported, copySeconds);
            reportImportCpu(importCpuSeconds, importLines);
        } finally {
            ingest.destroyForcibly();
        }
    }

    private void runLatency() throws Exception {
        Process ingest = startIngest();
        try {
            LatencyRun latency = new LatencyRun(option("bootstrap", "localhost:19092"), run);
            latency.awaitIngestReady(this::committedLines);
            int seconds = Integer.parseInt(option("latency-seconds", "60"));
            System.out.printf("%n| rate (lines/s) | lines | seconds | p50 ms | p99 ms | max ms | events missing |%n"
                    + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
            for (String rate : option("latency", "").split(",")) {
                System.out.println(latency.measure(Integer.parseInt(rate.strip()), seconds));
            }
        } finally {
            ingest.destroy();
            ingest.waitFor(30, TimeUnit.SECONDS);
            ingest.destroyForcibly();
        }
    }

    private long committedLines() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                option("bootstrap", "localhost:19092")))) {
            return committed(admin);
        } catch (Exception e) {
            return 0;
        }
    }

    private void runImports() throws Exception {
        String ingestUrl = "http://localhost:" + option("ingest-port", "18081");
        String gatewayUrl = "http://localhost:" + option("gateway-port", "18080");
        Process ingest = startIngest();
        Process gateway = ImportRun.startGateway(out, option("gateway-jar", "gateway/target/gateway-0.1.0-SNAPSHOT.jar"),
                Integer.parseInt(option("gateway-port", "18080")), ingestUrl, jvmArgs("gateway-jvm-args"),
                Map.of("KELIU_DB_URL", jdbcUrl(), "KELIU_DB_USER", "postgres", "KELIU_DB_PASSWORD", "postgres",
                        "KELIU_KAFKA_BOOTSTRAP", option("bootstrap", "localhost:19092")));
        try {
            ImportRun.awaitHealthy(ingestUrl, false);
            ImportRun.awaitHealthy(gatewayUrl, true);
            new ImportRun(out, run, option("keliu", "bin/keliu"), ingestUrl, gatewayUrl, () -> cpuFrom(ingest.pid()),
                    gateway.pid())
                    .measure(Long.parseLong(option("imports", "500000")));
        } finally {
            for (Process process : List.of(gateway, ingest)) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                process.destroyForcibly();
            }
        }
    }

    private List<String> jvmArgs(String option) {
        return options.containsKey(option) ? List.of(option(option, "").split(" ")) : List.of();
    }

    static Properties producerSettings(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private double produce(SyntheticOrders orders, long lines) {
        Properties props = producerSettings(option("bootstrap", "localhost:19092"));
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (long line = 0; line < lines; line++) {
                producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, orders.orderId(line),
                        orders.json(line).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private Process startIngest() throws Exception {
        List<String> jvmOptions = new java.util.ArrayList<>(List.of("-Xmx512m"));
        if (options.containsKey("ingest-jvm-args")) {
            jvmOptions.addAll(List.of(option("ingest-jvm-args", "").split(" ")));
        }
        return new BenchService("ingest", option("ingest-jar", "ingest-service/target/ingest-service-0.1.0-SNAPSHOT.jar"),
                option("ingest-port", "18081"), jdbcUrl(), option("bootstrap", "localhost:19092"))
                .start(jvmOptions, Map.of("SPRING_KAFKA_CONSUMER_GROUP_ID", group(),
                        "LOGGING_LEVEL_IO_KELIU_INGEST", option("ingest-log-level", "INFO")), out);
    }

    /** Counts from now the CPU of ingest-service, and of the PostgreSQL and the broker on this run's ports. */
    private CpuAccounting cpuFrom(long ingestPid) {
        return CpuAccounting.start(ingestPid, URI.create(jdbcUrl().substring("jdbc:".length())).getPort(),
                Integer.parseInt(option("bootstrap", "localhost:19092").replaceFirst(".*:", "")));
    }

    private String group() {
        return "bench-" + run;
    }

    private String jdbcUrl() {
        return option("jdbc", "jdbc:postgresql://localhost:15432/postgres");
    }

    /** @param cpuSeconds CPU used by each part over the measured window ({@link CpuAccounting}) */
    private record Pipeline(double seconds, long measuredLines, double peakHeapMb, Map<String, Double> cpuSeconds) {
    }

    /**
     * From the first committed offset to the last; heap sampled from the actuator while it runs, and the CPU of
     * every part counted over the same window.
     */
    private Pipeline measurePipeline(long lines, long ingestPid) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                option("bootstrap", "localhost:19092")))) {
            long first = 0;
            long startedAt = 0;
            double peakHeap = 0;
            CpuAccounting cpu = null;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
            long nextHeapProbe = 0;
            while (System.nanoTime() < deadline) {
                long committed = committed(admin);
                long now = System.nanoTime();
                if (startedAt == 0 && committed > 0) {
                    startedAt = now;
                    first = committed;
                    cpu = cpuFrom(ingestPid);
                }
                if (now >= nextHeapProbe) {
                    peakHeap = Math.max(peakHeap, heapMb());
                    nextHeapProbe = now + HEAP_PROBE_NANOS;
                }
                if (committed >= lines) {
                    return new Pipeline((now - startedAt) / 1e9, lines - first, peakHeap, cpu.secondsSinceStart());
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("ingest did not finish within 15 minutes; see " + out);
        }
    }

    private long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group())
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(Topics.RAW_ORDERS))
                .mapToLong(e -> e.getValue() == null ? 0 : e.getValue().offset()).sum();
    }

    private double heapMb() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + option("ingest-port", "18081") + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
                    .header("Authorization", "Bearer " + GatewayTokens.token("bench", Role.METRICS)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher value = HEAP.matcher(response.body());
            return response.statusCode() == 200 && value.find() ? Double.parseDouble(value.group(1)) / (1 << 20) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }

    private long changeEvents() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                option("bootstrap", "localhost:19092")))) {
            var partitions = admin.describeTopics(List.of(Topics.ORDERS)).allTopicNames().get().get(Topics.ORDERS)
                    .partitions().stream().map(p -> new TopicPartition(Topics.ORDERS, p.partition()))
                    .collect(java.util.stream.Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        }
    }

    private Path writeCsv(SyntheticOrders orders, long lines) throws IOException {
        Path file = out.resolve("orders-import.csv");
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write(SyntheticOrders.CSV_HEADER);
            writer.newLine();
            for (long line = 0; line < lines; line++) {
                writer.write(orders.csv(line));
                writer.newLine();
            }
        }
        return file;
    }

    private double timeImport(Path csv) throws Exception {
        long started = System.nanoTime();
        ProcessBuilder importer = new ProcessBuilder(option("keliu", "bin/keliu"), "import", "orders", csv.toString(),
                "--server", "http://localhost:" + option("ingest-port", "18081"));
        importer.environment().put("KELIU_API_KEY", GatewayTokens.token("bench", Role.ADMIN));
        Process keliu = importer.redirectErrorStream(false).redirectOutput(out.resolve("import-summary.json").toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (keliu.waitFor() != 0) {
            throw new IllegalStateException("bin/keliu import failed; see " + out.resolve("import-summary.json"));
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /** COPY of exactly the rows ingest stored, into a table made LIKE ingest.order_lines (same key, defaults). */
    private double copyReference() throws Exception {
        Path rows = out.resolve("copy-reference.csv");
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
             Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS public.copy_reference");
            statement.execute("CREATE TABLE public.copy_reference (LIKE ingest.order_lines INCLUDING ALL)");
            var copy = db.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream file = Files.newOutputStream(rows)) {
                copy.copyOut("COPY (SELECT * FROM ingest.order_lines WHERE order_id LIKE '" + run
                        + "%' AND order_id NOT LIKE '" + run + "I%') TO STDOUT (FORMAT csv)", file);
            }
            long started = System.nanoTime();
            try (InputStream file = Files.newInputStream(rows)) {
                copy.copyIn("COPY public.copy_reference FROM STDIN (FORMAT csv)", file);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            statement.execute("DROP TABLE public.copy_reference");
            return seconds;
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
             Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void report(long lines, Pipeline pipeline, long stored, long events, long importLines,
                        double importSeconds, long imported, double copySeconds) {
        double pipelineRate = pipeline.measuredLines() / pipeline.seconds();
        double copyRate = lines / copySeconds;
        System.out.printf("""

                | measure | lines | seconds | lines/s |
                | --- | ---: | ---: | ---: |
                | raw topic → validated → PostgreSQL committed (ingest-service, -Xmx512m) | %,d | %.1f | %,.0f |
                | plain COPY of the same rows into an identical table (reference) | %,d | %.1f | %,.0f |
                | CSV import through `bin/keliu import` (parse, validate, upsert, events) | %,d | %.1f | %,.0f |

                pipeline / COPY = %.2f; peak heap in use %.0f MB; rows stored %,d of %,d; \
                change events on %s in total %,d; imported rows %,d of %,d
                """, pipeline.measuredLines(), pipeline.seconds(), pipelineRate, lines, copySeconds, copyRate,
                importLines, importSeconds, importLines / importSeconds, pipelineRate / copyRate,
                pipeline.peakHeapMb(), stored, lines, Topics.ORDERS, events, imported, importLines);
        reportCpu(pipeline);
    }

    /** Where the CPU of an imported line went (the importing CLI's own JVM not counted). */
    private static void reportImportCpu(Map<String, Double> cpuSeconds, long importLines) {
        if (CpuAccounting.available()) {
            System.out.printf("%nCPU per line of the import: ingest-service %.1f µs, PostgreSQL %.1f µs, Kafka broker "
                            + "%.1f µs, whole machine %.1f µs%n", perLine(cpuSeconds, "service", importLines),
                    perLine(cpuSeconds, "PostgreSQL", importLines), perLine(cpuSeconds, "Kafka broker", importLines),
                    perLine(cpuSeconds, "machine", importLines));
        }
    }

    private static double perLine(Map<String, Double> cpuSeconds, String part, long lines) {
        return cpuSeconds.get(part) * 1e6 / lines;
    }

    /** Where the CPU of a line went while the pipeline ran, and the rate the machine's cores allow at that cost. */
    private static void reportCpu(Pipeline pipeline) {
        if (!CpuAccounting.available()) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%n| CPU while the pipeline ran | CPU seconds | cores in use | µs per line |%n"
                + "| --- | ---: | ---: | ---: |%n");
        pipeline.cpuSeconds().forEach((part, seconds) -> System.out.printf("| %s | %.1f | %.2f | %.1f |%n",
                part.equals("machine") ? "whole machine (all processes)" : part, seconds,
                seconds / pipeline.seconds(), seconds * 1e6 / pipeline.measuredLines()));
        double perLine = pipeline.cpuSeconds().get("machine") / pipeline.measuredLines();
        double database = pipeline.cpuSeconds().get("PostgreSQL") / pipeline.measuredLines();
        System.out.printf("%nAt this CPU per line, %d cores allow at most %,.0f lines/s; at 150,000 lines/s "
                + "PostgreSQL alone would need %.2f cores.%n", cores, cores / perLine, 150_000 * database);
    }
}
