package io.keliu.local;

import io.keliu.local.kafka.LocalBroker;
import io.keliu.local.kafka.TopicSetup;
import io.keliu.local.mail.LocalMailCatcher;
import io.keliu.local.postgres.LocalPostgres;
import io.keliu.local.services.ServiceCatalog;
import io.keliu.local.services.ServiceJars;
import io.keliu.local.services.ServiceProcess;
import io.keliu.local.services.ServiceSpec;
import io.keliu.local.services.StartupCache;
import io.keliu.local.services.StartupTraining;
import io.keliu.local.simulator.SimulatorSettings;
import io.keliu.local.simulator.TrafficSimulator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The whole platform on this machine: PostgreSQL and Kafka in this JVM, every service as a child JVM, and optionally
 * the traffic simulator. Everything it starts is registered with the {@link Lifecycle}, which stops it in reverse; the
 * processes among them are also told to a {@link Watchdog}, which stops them should this JVM die without doing so.
 */
public final class LocalStack {
    /** Two Spring Boot services warming up side by side on 2 cores take about a minute; leave room. */
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(4);

    /**
     * @param startupCaches whether services start from their JDK AOT caches where current, the stale ones trained
     *                      in the background once the platform is up ({@link StartupCache}); the tests start from the
     *                      jars as built
     */
    public record Settings(Path home, Path dataDirectory, StackPorts ports, Optional<SimulatorSettings> simulator,
                           boolean startupCaches) {

        public Path logDirectory() {
            return dataDirectory.resolve("logs");
        }

        /** Where the first start leaves the admin's secrets: {@code admin-password} and {@code admin-api-key}. */
        public Path adminPasswordFile() {
            return dataDirectory.resolve("admin-password");
        }

        public Path adminApiKeyFile() {
            return dataDirectory.resolve("admin-api-key");
        }

        public String bootstrapServers() {
            return "localhost:" + ports.kafka();
        }
    }

    private final Settings settings;
    private final Lifecycle lifecycle;
    private final PrintStream console;
    private Watchdog watchdog;

    public LocalStack(Settings settings, Lifecycle lifecycle, PrintStream console) {
        this.settings = settings;
        this.lifecycle = lifecycle;
        this.console = console;
    }

    /**
     * @throws StackStartException   when a port is taken or a jar is missing: nothing has started then
     * @throws io.keliu.local.services.ServiceStartException when a service dies or stays unhealthy
     */
    public void start() throws InterruptedException {
        List<String> takenPorts = PortCheck.takenPorts(settings.ports());
        if (!takenPorts.isEmpty()) {
            throw new StackStartException(String.join("\n", takenPorts)
                    + "\nIs Keliu already running (bin/keliu up in another terminal)? Stop it, or stop whatever"
                    + " listens there (ss -ltnp shows it), then try again.");
        }
        List<ServiceSpec> services = ServiceCatalog.services(settings.ports(), settings.dataDirectory(),
                LocalSecrets.notifyKey(settings.dataDirectory()));
        List<Path> jars = services.stream().map(spec -> ServiceJars.find(settings.home(), spec.module())).toList();
        watchdog = lifecycle.register("the watchdog", Watchdog.start(settings.logDirectory().resolve("watchdog.log")));
        startPostgres();
        startKafka();
        startMailCatcher();
        List<StartupCache> caches = jars.stream().map(StartupCache::of).toList();
        startServices(services, launchArguments(jars, caches));
        if (settings.startupCaches()) {
            StartupTraining.startForStale(services, caches, settings.logDirectory(), console, watchdog::watch)
                    .ifPresent(training -> lifecycle.register("the start-up cache training", training));
        }
        settings.simulator().ifPresent(this::startSimulator);
    }

    private void startPostgres() {
        int port = settings.ports().postgres();
        step("PostgreSQL on port " + port, () -> {
            LocalPostgres postgres = lifecycle.register("PostgreSQL",
                    LocalPostgres.start(port, settings.dataDirectory().resolve("postgres")));
            watchdog.watch(postgres.pid());
            return postgres;
        });
    }

    private void startKafka() {
        StackPorts ports = settings.ports();
        step("Kafka on port " + ports.kafka(), () -> {
            LocalBroker broker = lifecycle.register("Kafka",
                    LocalBroker.start(ports.kafka(), ports.kafkaController(), settings.dataDirectory().resolve("kafka")));
            TopicSetup.createTopics(broker.bootstrapServers());
            return broker;
        });
    }

    private void startMailCatcher() {
        StackPorts ports = settings.ports();
        step("the mail catcher on ports " + ports.mailSmtp() + " (SMTP) and " + ports.mailWeb() + " (page)",
                () -> lifecycle.register("the mail catcher", LocalMailCatcher.start(ports.mailSmtp(), ports.mailWeb())));
    }

    /** Each service's {@code -jar …}: from its start-up cache where the settings ask for it and it is current. */
    private List<List<String>> launchArguments(List<Path> jars, List<StartupCache> caches) {
        if (!settings.startupCaches()) {
            return jars.stream().map(jar -> List.of("-jar", jar.toString())).toList();
        }
        return caches.stream().map(StartupCache::launchArguments).toList();
    }

    /** Launches all services at once (their start-ups overlap), then waits for each in turn. */
    private void startServices(List<ServiceSpec> specs, List<List<String>> launchArguments) throws InterruptedException {
        List<ServiceProcess> started = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ServiceProcess service = ServiceProcess.launch(specs.get(i), launchArguments.get(i), settings.logDirectory());
            started.add(lifecycle.register(service.name(), service));
            watchdog.watch(service.pid());
            console.printf("Starting %s on port %d (log: %s)%n", service.name(), specs.get(i).port(), service.logFile());
        }
        for (ServiceProcess service : started) {
            long begin = System.nanoTime();
            service.awaitHealthy(SERVICE_START_TIMEOUT);
            console.printf("  %s is healthy (%.1f s)%n", service.name(), (System.nanoTime() - begin) / 1e9);
        }
    }

    private void startSimulator(SimulatorSettings simulator) {
        lifecycle.register("the traffic simulator", TrafficSimulator.start(settings.bootstrapServers(), simulator));
    }

    private <T> T step(String what, Supplier<T> action) {
        console.printf("Starting %s…%n", what);
        long begin = System.nanoTime();
        T result = action.get();
        console.printf("  ready (%.1f s)%n", (System.nanoTime() - begin) / 1e9);
        return result;
    }
}
