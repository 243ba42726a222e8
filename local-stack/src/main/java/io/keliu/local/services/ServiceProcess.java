package io.keliu.local.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One service running as a child JVM, its output in a log file of its own. */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration GRACE_PERIOD = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts the service; the previous run's log is kept as {@code <service>.log.1}.
     *
     * @param launchArguments what follows the heap size on the command line: {@code -jar <jar>} and any JVM options
     */
    public static ServiceProcess launch(ServiceSpec spec, List<String> launchArguments, Path logDirectory) {
        Path logFile = logDirectory.resolve(spec.module() + ".log");
        try {
            Files.createDirectories(logDirectory);
            if (Files.exists(logFile)) {
                Files.move(logFile, logDirectory.resolve(spec.module() + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            return new ServiceProcess(spec, startJvm(spec, List.of(), launchArguments, logFile), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.module() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A JVM running the service as configured for this stack (its port, its environment), its output to a file.
     *
     * @param prefix what runs the JVM, such as {@code nice -n 19}; empty for nothing
     */
    static Process startJvm(ServiceSpec spec, List<String> prefix, List<String> launchArguments, Path logFile)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaExecutable(), "-Xmx512m"));
        command.addAll(launchArguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("SERVER_PORT", String.valueOf(spec.port()));
        builder.environment().putAll(spec.environment());
        return builder.start();
    }

    public long pid() {
        return process.pid();
    }

    public String name() {
        return spec.module();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Polls the service's health endpoint until it answers 200.
     *
     * @throws ServiceStartException when the process exits or the timeout passes first
     */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!isHealthy()) {
            if (!process.isAlive()) {
                throw new ServiceStartException(this, "exited with code " + process.exitValue() + " while starting");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServiceStartException(this, "was not healthy after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    /** The last lines of the log, to show why a service failed without sending the user hunting for the file. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(could not read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    /** SIGTERM, so that Spring closes its consumers and pools; SIGKILL only if it has not exited after a grace period. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(GRACE_PERIOD.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL, as a crash or the kernel's OOM killer would end it: no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private boolean isHealthy() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(spec.healthUrl())).timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
