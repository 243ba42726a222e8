package io.keliu.local;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;

/**
 * Everything started so far, stopped in reverse order when the JVM shuts down (Ctrl-C, SIGTERM, or
 * {@code System.exit} after a failed start-up): services before the broker they use, the broker before PostgreSQL.
 */
public final class Lifecycle {
    private final Deque<Component> started = new ArrayDeque<>();
    private final PrintStream console;

    private record Component(String name, AutoCloseable resource) {
    }

    public Lifecycle(PrintStream console) {
        this.console = console;
    }

    /** Stops everything registered from now on when the JVM shuts down. */
    public static Lifecycle onShutdown(PrintStream console) {
        Lifecycle lifecycle = new Lifecycle(console);
        Runtime.getRuntime().addShutdownHook(new Thread(lifecycle::stopAll, "keliu-shutdown"));
        return lifecycle;
    }

    public synchronized <T extends AutoCloseable> T register(String name, T resource) {
        started.push(new Component(name, resource));
        return resource;
    }

    public synchronized void stopAll() {
        while (!started.isEmpty()) {
            Component component = started.pop();
            console.printf("Stopping %s…%n", component.name());
            try {
                component.resource().close();
            } catch (Exception e) {
                // keep going: the components after this one still hold ports and files
                console.printf("  %s did not stop cleanly: %s%n", component.name(), e);
            }
        }
    }

    /** Parks the calling thread for good; the shutdown hook does the stopping. */
    public static void awaitShutdown() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
