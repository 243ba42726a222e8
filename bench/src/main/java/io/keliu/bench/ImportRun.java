package io.keliu.bench;

import io.keliu.contracts.v1.Role;
import io.keliu.testsupport.GatewayTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The import mode of the ingest benchmark ({@code --imports N}): N-line CSV files imported with {@code bin/keliu
 * import}, straight into ingest-service and through the gateway, in the same run. Two files: the synthetic one of the
 * throughput run (two lines per order, short fields) and a real-shaped one ({@link RealShapedOrders}). Each import
 * gets a file of its own order ids, so none is a re-import; a 50,000-line import warms the service up first. Beside
 * the wall-clock rate it reports the CPU each part spent per line (ingest-service, the gateway, PostgreSQL): on a
 * machine shared with other work that is the figure that says what the gateway costs.
 */
final class ImportRun {
    /** The admin API key the benchmark's gateway is started with. */
    static final String GATEWAY_API_KEY = "keliu-bench-" + UUID.randomUUID();
    private static final Pattern COUNT = Pattern.compile("\"(accepted|rejected|duplicates|repeatedRows)\":(\\d+)");

    private final Path out;
    private final String run;
    private final String keliu;
    private final String ingestUrl;
    private final String gatewayUrl;
    private final Supplier<CpuAccounting> cpuOfIngest;
    private final long gatewayPid;

    /** @param cpuOfIngest starts counting the CPU of ingest-service and its PostgreSQL and broker */
    ImportRun(Path out, String run, String keliu, String ingestUrl, String gatewayUrl,
              Supplier<CpuAccounting> cpuOfIngest, long gatewayPid) {
        this.cpuOfIngest = cpuOfIngest;
        this.gatewayPid = gatewayPid;
        this.out = out;
        this.run = run;
        this.keliu = keliu;
        this.ingestUrl = ingestUrl;
        this.gatewayUrl = gatewayUrl;
    }

    /**
     * Starts the gateway jar in front of ingest-service; its log goes to bench/out/gateway.log. It signs with the key
     * ingest-service trusts ({@link GatewayTokens}) and accepts {@link #GATEWAY_API_KEY}.
     *
     * @param database the gateway's database and broker settings
     */
    static Process startGateway(Path out, String jar, int port, String ingestUrl, List<String> jvmArgs,
                                Map<String, String> database) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(database);
        builder.environment().putAll(Map.of("SERVER_PORT", Integer.toString(port), "KELIU_INGEST_URL", ingestUrl,
                "KELIU_GATEWAY_SIGNING_KEY", GatewayTokens.signingJwk(), "KELIU_ADMIN_API_KEY", GATEWAY_API_KEY,
                "KELIU_ADMIN_PASSWORD", UUID.randomUUID().toString(),
                "KELIU_SECRETS_DIR", out.resolve("gateway-secrets").toString()));
        builder.redirectErrorStream(true).redirectOutput(out.resolve("gateway.log").toFile());
        return builder.start();
    }

    /**
     * Waits until the service answers its health endpoint: with 200, or with any status when {@code anyAnswer} (the
     * gateway's health is down while services the benchmark does not start are missing).
     */
    static void awaitHealthy(String baseUrl, boolean anyAnswer) throws InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            for (int attempt = 0; attempt < 1200; attempt++) {
                try {
                    int status = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200 || anyAnswer) {
                        return;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException(baseUrl + " did not answer in 10 minutes");
    }

    void measure(long lines) throws Exception {
        timeImport(writeSynthetic("warm-up", 50_000), ingestUrl);
        System.out.printf("%n| file | path | lines | seconds | lines/s | CPU µs per line: ingest | gateway | PostgreSQL "
                + "| accepted | rejected | repeated rows |%n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n");
        for (String path : List.of("direct", "gateway")) {
            String server = path.equals("direct") ? ingestUrl : gatewayUrl;
            report("synthetic (2 lines per order)", path, lines, timeImport(writeSynthetic(path, lines), server));
            report("real-shaped (1–600 lines per order)", path, lines, timeImport(writeRealShaped(path, lines),
                    server));
        }
    }

    private Path writeSynthetic(String name, long lines) throws IOException {
        SyntheticOrders orders = new SyntheticOrders(run + name.charAt(0) + "S");
        Path file = out.resolve("import-synthetic-" + name + ".csv");
        try (var writer = Files.newBufferedWriter(file)) {
            writer.write(SyntheticOrders.CSV_HEADER);
            writer.newLine();
            for (long line = 0; line < lines; line++) {
                writer.write(orders.csv(line));
                writer.newLine();
            }
        }
        return file;
    }

    private Path writeRealShaped(String name, long lines) throws IOException {
        return new RealShapedOrders(run + name.charAt(0) + "R").write(out.resolve("import-real-" + name + ".csv"),
                lines);
    }

    /** @param cpu CPU seconds of ingest-service, the gateway and PostgreSQL during the import */
    private record Timed(double seconds, String summary, double[] cpu) {
    }

    private Timed timeImport(Path csv, String server) throws Exception {
        Path summary = out.resolve("import-summary.json");
        CpuAccounting cpu = cpuOfIngest.get();
        double gatewayBefore = cpuSeconds(gatewayPid);
        long started = System.nanoTime();
        ProcessBuilder importer = new ProcessBuilder(keliu, "import", "orders", csv.toString(), "--server", server);
        importer.environment().put("KELIU_API_KEY", server.equals(gatewayUrl) ? GATEWAY_API_KEY
                : GatewayTokens.token("bench", Role.ADMIN));
        Process process = importer.redirectOutput(summary.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("bin/keliu import failed; see " + summary);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> used = cpu.secondsSinceStart();
        Files.delete(csv);
        return new Timed(seconds, Files.readString(summary), new double[] {used.get("service"),
                cpuSeconds(gatewayPid) - gatewayBefore, used.get("PostgreSQL")});
    }

    private static double cpuSeconds(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e9)
                .orElse(0.0);
    }

    private static void report(String file, String path, long lines, Timed timed) {
        Map<String, Long> counts = new java.util.HashMap<>();
        Matcher count = COUNT.matcher(timed.summary());
        while (count.find()) {
            counts.put(count.group(1), Long.parseLong(count.group(2)));
        }
        long counted = counts.getOrDefault("accepted", 0L) + counts.getOrDefault("rejected", 0L)
                + counts.getOrDefault("duplicates", 0L);
        if (counted != lines) {
            throw new IllegalStateException("the import counted " + counted + " of " + lines + " lines: "
                    + timed.summary());
        }
        double[] cpu = timed.cpu();
        System.out.printf("| %s | %s | %,d | %.1f | %,.0f | %.1f | %s | %.1f | %,d | %,d | %,d |%n", file,
                path.equals("direct") ? "straight to ingest-service" : "through the gateway", lines, timed.seconds(),
                lines / timed.seconds(), cpu[0] * 1e6 / lines,
                path.equals("direct") ? "—" : "%.1f".formatted(cpu[1] * 1e6 / lines), cpu[2] * 1e6 / lines,
                counts.get("accepted"), counts.get("rejected"), counts.getOrDefault("repeatedRows", 0L));
    }
}
