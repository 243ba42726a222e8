package io.keliu.local.postgres;

import io.keliu.local.Lifecycle;
import io.keliu.local.LocalLogging;
import io.keliu.local.Watchdog;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** PostgreSQL alone, in its own JVM: for benchmarks and for running one service from an IDE. */
@Command(name = "postgres", mixinStandardHelpOptions = true,
        description = "Runs the embedded PostgreSQL server alone until Ctrl-C; prints its JDBC URL.")
public final class StandalonePostgres implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "15432", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", required = true, description = "Data directory; kept across runs.")
    Path dataDirectory;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StandalonePostgres()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LocalLogging.toStandardError();
        Lifecycle lifecycle = Lifecycle.onShutdown(System.out);
        Watchdog watchdog = lifecycle.register("the watchdog", Watchdog.start(dataDirectory.resolveSibling(
                dataDirectory.getFileName() + "-watchdog.log")));
        LocalPostgres postgres = lifecycle.register("PostgreSQL", LocalPostgres.start(port, dataDirectory));
        watchdog.watch(postgres.pid());
        System.out.printf("PostgreSQL is up: %s (user %s, password %s); Ctrl-C stops it.%n",
                postgres.jdbcUrl(), LocalPostgres.USER, LocalPostgres.PASSWORD);
        Lifecycle.awaitShutdown();
        return 0;
    }
}
