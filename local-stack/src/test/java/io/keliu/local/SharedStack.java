package io.keliu.local;

import io.keliu.contracts.v1.Topics;
import io.keliu.local.simulator.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack for every test class that needs the whole platform ({@link LocalStackIT}, {@link DashboardIT}):
 * starting six JVMs costs about a minute on this machine, so it is started once per test JVM, on free ports in a
 * data directory of its own under {@code target/}, and stopped when the JVM's test run ends (the root store closes it;
 * the logs stay). The classes that use it run last (their {@code @Order}), so that the stack does not idle beside the
 * other integration tests.
 * <p>
 * It runs the simulator as {@code bin/keliu up} does, with a week of history: the dashboard shows simulator data.
 * A class gets the stack's settings as a parameter: {@code @BeforeAll static void use(LocalStack.Settings stack)}.
 */
public final class SharedStack implements BeforeAllCallback, ParameterResolver {
    /** After the other integration tests (JUnit's default class order is {@code Integer.MAX_VALUE / 2}). */
    public static final int ORDER = Integer.MAX_VALUE / 2 + 1;
    private static final Duration HISTORY_START_TIMEOUT = Duration.ofSeconds(60);
    private static final long SIMULATOR_SEED = 20261201L;

    private record Running(LocalStack.Settings settings, Lifecycle lifecycle) implements AutoCloseable {
        /** Stops the stack and deletes its data, keeping the logs for a look after a failed run. */
        @Override
        public void close() throws IOException {
            lifecycle.stopAll();
            try (Stream<Path> entries = Files.list(settings.dataDirectory())) {
                for (Path entry : entries.filter(entry -> !entry.equals(settings.logDirectory())).toList()) {
                    deleteRecursively(entry);
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.Settings.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context).settings();
    }

    /** The stack, or the reason it did not start, once per test run: a second class does not wait for it again. */
    private record Start(Running running, RuntimeException failure) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (running != null) {
                running.close();
            }
        }
    }

    private static Running running(ExtensionContext context) {
        Start start = context.getRoot().getStore(ExtensionContext.Namespace.create(SharedStack.class))
                .computeIfAbsent(Start.class, key -> {
                    try {
                        return new Start(start(), null);
                    } catch (RuntimeException e) {
                        return new Start(null, e);
                    }
                }, Start.class);
        if (start.failure() != null) {
            throw start.failure();
        }
        return start.running();
    }

    private static Running start() {
        try {
            Path outputs = Path.of(System.getProperty("keliu.test-output", "target"));
            Files.createDirectories(outputs);
            Path dataDirectory = Files.createTempDirectory(outputs, "stack-");
            StackPorts ports = new StackPorts(FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any(),
                    FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any(), FreePorts.any(),
                    FreePorts.any(), FreePorts.any());
            LocalStack.Settings settings = new LocalStack.Settings(KeliuHome.locate(), dataDirectory, ports,
                    Optional.of(new SimulatorSettings(SimulatorSettings.DEFAULT_RATE, SIMULATOR_SEED,
                            SimulatorSettings.DEFAULT_HISTORY_DAYS)), false);
            LocalLogging.toFile(settings.logDirectory().resolve("local-stack.log"));
            Lifecycle lifecycle = new Lifecycle(System.out);
            Running running = new Running(settings, lifecycle);
            try {
                new LocalStack(settings, lifecycle, System.out).start();
                awaitHistoryStarted(settings);
            } catch (RuntimeException | InterruptedException | ExecutionException e) {
                running.close();
                throw new IllegalStateException("the local stack did not start (logs: " + settings.logDirectory()
                        + ")", e);
            }
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The simulator sends its history only while the raw orders topic is empty: waiting for its first records keeps
     * a test's own raw record from going first and leaving the dashboard without its week.
     */
    private static void awaitHistoryStarted(LocalStack.Settings settings)
            throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", settings.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(List.of(Topics.RAW_ORDERS)).allTopicNames().get().get(Topics.RAW_ORDERS)
                    .partitions().forEach(p -> latest.put(new TopicPartition(Topics.RAW_ORDERS, p.partition()),
                            OffsetSpec.latest()));
            Instant deadline = Instant.now().plus(HISTORY_START_TIMEOUT);
            while (admin.listOffsets(latest).all().get().values().stream().allMatch(offset -> offset.offset() == 0)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the simulator sent no history within " + HISTORY_START_TIMEOUT);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
