package io.keliu.local;

import io.keliu.local.kafka.StandaloneBroker;
import io.keliu.local.postgres.LocalPostgres;
import io.keliu.local.postgres.StandalonePostgres;
import io.keliu.local.services.ServiceStartException;
import io.keliu.local.simulator.SimulateCommand;
import io.keliu.local.simulator.SimulatorOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/keliu up}: the whole platform on this machine until Ctrl-C. Its subcommands run one part alone (the
 * broker for a benchmark, PostgreSQL for an IDE session, the simulator against any broker).
 */
@Command(name = "keliu up", mixinStandardHelpOptions = true,
        description = "Runs PostgreSQL, Kafka, every Keliu service and a traffic simulator on this machine.",
        subcommands = {StandaloneBroker.class, StandalonePostgres.class, SimulateCommand.class, Watchdog.class})
public final class KeliuUp implements Callable<Integer> {
    private static final int SERVICE_LOG_LINES_SHOWN = 40;

    @Option(names = "--data-dir", description = "Where data and logs live (default ~/.keliu); kept across runs.")
    Path dataDirectory = Path.of(System.getProperty("user.home"), ".keliu");

    @Option(names = "--no-simulator", description = "Do not stream simulated traffic.")
    boolean noSimulator;

    @Option(names = "--no-startup-cache", description = "Start the services from their jars as built, without the"
            + " JDK start-up cache a first start after each build prepares.")
    boolean noStartupCache;

    @Mixin
    SimulatorOptions simulatorOptions;

    private final PrintStream console = System.out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new KeliuUp()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        LocalStack.Settings settings = new LocalStack.Settings(KeliuHome.locate(), dataDirectory.toAbsolutePath(),
                StackPorts.DEFAULT, noSimulator ? Optional.empty() : Optional.of(simulatorOptions.settings()),
                !noStartupCache);
        LocalLogging.toFile(settings.logDirectory().resolve("local-stack.log"));
        Lifecycle lifecycle = Lifecycle.onShutdown(console);
        try {
            new LocalStack(settings, lifecycle, console).start();
        } catch (StackStartException e) {
            System.err.println("Cannot start Keliu: " + e.getMessage());
            return 2;
        } catch (ServiceStartException e) {
            reportFailedService(e);
            return 1;
        }
        printBanner(settings);
        Lifecycle.awaitShutdown();
        return 0;
    }

    private void reportFailedService(ServiceStartException failure) {
        System.err.println();
        System.err.println("Keliu did not start: " + failure.getMessage() + ". Last lines of "
                + failure.service().logFile() + ":");
        failure.service().logTail(SERVICE_LOG_LINES_SHOWN).forEach(line -> System.err.println("  | " + line));
    }

    private void printBanner(LocalStack.Settings settings) {
        StackPorts ports = settings.ports();
        console.printf("""

                Keliu is up.
                  API                http://localhost:%d  (what is stored: /api/v1/ingest/summary)
                  Sign in            http://localhost:%d/login  as admin, password in %s
                  Admin API key      %s  (send as Authorization: Bearer <key>)
                  Import a file      bin/keliu import orders examples/orders-messy.csv
                  PostgreSQL         %s  user %s  password %s
                  Kafka              %s
                  Caught mails       http://localhost:%d  (and WeCom robot messages; SMTP on port %d)
                  Simulator          %s
                  Data               %s
                  Logs               %s
                Press Ctrl-C to stop everything.
                %n""",
                ports.gateway(), ports.gateway(), settings.adminPasswordFile(), settings.adminApiKeyFile(),
                LocalPostgres.jdbcUrl(ports.postgres()), LocalPostgres.USER, LocalPostgres.PASSWORD,
                settings.bootstrapServers(),
                ports.mailWeb(), ports.mailSmtp(),
                settings.simulator().map(s -> "~%.1f records/s to keliu.raw.* (off: --no-simulator)".formatted(
                        s.recordsPerSecond())).orElse("off"),
                settings.dataDirectory(), settings.logDirectory());
    }
}
