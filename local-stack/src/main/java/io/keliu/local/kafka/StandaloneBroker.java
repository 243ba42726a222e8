package io.keliu.local.kafka;

import io.keliu.local.Lifecycle;
import io.keliu.local.LocalLogging;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The KRaft broker alone, in its own JVM, with the platform's topics: benchmarks measure a client against a broker
 * that does not share its heap and cores' scheduling with the client.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Runs a single-node Kafka broker (KRaft) with Keliu's topics until Ctrl-C.")
public final class StandaloneBroker implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "19092", description = "Client port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--controller-port", defaultValue = "19093",
            description = "KRaft controller port (default ${DEFAULT-VALUE}).")
    int controllerPort;

    @Option(names = "--data-dir", required = true, description = "Log directory; kept across runs.")
    Path dataDirectory;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StandaloneBroker()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        LocalLogging.toStandardError();
        Lifecycle lifecycle = Lifecycle.onShutdown(System.out);
        LocalBroker broker = lifecycle.register("Kafka", LocalBroker.start(port, controllerPort, dataDirectory));
        TopicSetup.createTopics(broker.bootstrapServers());
        System.out.printf("Kafka is up: bootstrap servers %s, data in %s; Ctrl-C stops it.%n",
                broker.bootstrapServers(), dataDirectory.toAbsolutePath());
        Lifecycle.awaitShutdown();
        return 0;
    }
}
