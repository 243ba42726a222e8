package io.keliu.bench;

import io.keliu.testsupport.GatewayTokens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Keliu service started by a benchmark as the platform runs it: its own JVM from the built jar, configured only by
 * its environment, on the benchmark's PostgreSQL and broker, trusting the test signing key that {@link BenchTokens}
 * signs with. Its output goes to {@code <out>/<name>.log}.
 *
 * @param name      the log's name and what the console says was started
 * @param jar       the executable jar, relative to the repository root
 * @param port      the HTTP port
 * @param jdbcUrl   the PostgreSQL it stores into (user and password {@code postgres}, as bin/keliu postgres has them)
 * @param bootstrap the Kafka broker
 */
record BenchService(String name, String jar, String port, String jdbcUrl, String bootstrap) {

    /**
     * @param jvmOptions  options before {@code -jar} (heap size, recording flags)
     * @param environment what this benchmark sets beyond the platform's common variables
     */
    Process start(List<String> jvmOptions, Map<String, String> environment, Path out) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--sun-misc-unsafe-memory-access=allow"));
        command.addAll(jvmOptions);
        if (System.getenv("KELIU_BENCH_JFR") != null) { // a profile of the service: KELIU_BENCH_JFR=<directory>
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(System.getenv("KELIU_BENCH_JFR"), name + ".jfr"));
        }
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("SERVER_PORT", port, "KELIU_DB_URL", jdbcUrl,
                "KELIU_DB_USER", "postgres", "KELIU_DB_PASSWORD", "postgres", "KELIU_KAFKA_BOOTSTRAP", bootstrap,
                "KELIU_GATEWAY_JWKS_URL", GatewayTokens.jwkSetUri()));
        builder.environment().putAll(environment);
        Path log = out.resolve(name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        System.out.println("started " + name + " (log: " + log + ")");
        return process;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits for its health endpoint to answer 200. */
    void awaitHealthy() throws InterruptedException {
        ImportRun.awaitHealthy(baseUrl(), false);
    }
}
