package io.keliu.local.simulator;

import io.keliu.local.Lifecycle;
import io.keliu.local.LocalLogging;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The simulator alone, against any broker that has Keliu's raw topics. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Streams realistic raw orders, profiles, logs and customer feedback to Kafka until Ctrl-C.")
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:19092",
            description = "Kafka to send to (default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Mixin
    SimulatorOptions options;

    @Override
    public Integer call() throws Exception {
        LocalLogging.toStandardError();
        Lifecycle lifecycle = Lifecycle.onShutdown(System.out);
        lifecycle.register("the simulator", TrafficSimulator.start(bootstrapServers, options.settings()));
        System.out.printf("Simulating ~%.1f records/s to %s; Ctrl-C stops it.%n", options.rate, bootstrapServers);
        Lifecycle.awaitShutdown();
        return 0;
    }
}
