package io.keliu.local.services;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Trains the {@link StartupCache} of every service whose cache is stale: each service starts against the stack's own
 * PostgreSQL and Kafka, as it will for real, and stops once its context is refreshed (migrations run then, as they
 * would at the real start). A failed training costs only speed: that service starts from its jar as built.
 */
public final class StartupTraining {
    /** Training starts at once: three keep two cores busy while one of them assembles its cache. */
    private static final int AT_ONCE = 3;
    private static final long TIMEOUT_MINUTES = 10;

    private StartupTraining() {
    }

    /**
     * Trains the stale caches among {@code caches} (index-aligned with {@code specs}), reporting to the console.
     *
     * @param watch told each training JVM's pid, so that it ends should the stack's JVM die meanwhile
     */
    public static void trainStale(List<ServiceSpec> specs, List<StartupCache> caches, Path logDirectory,
                                  PrintStream console, LongConsumer watch) throws InterruptedException {
        List<Integer> stale = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (!caches.get(i).isCurrent()) {
                stale.add(i);
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        console.printf("Preparing the start-up caches of %d services (once after each build; about a minute or two)…%n",
                stale.size());
        long begin = System.nanoTime();
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE)) {
            for (int i : stale) {
                results.add(pool.submit(() -> train(specs.get(i), caches.get(i), logDirectory, watch)));
            }
        } // closing waits for every training
        for (Future<String> result : results) {
            String failure = result.resultNow();
            if (failure != null) {
                console.println("  " + failure);
            }
        }
        console.printf("  ready (%.1f s)%n", (System.nanoTime() - begin) / 1e9);
    }

    /** One training start; null when the cache is ready, else why not, in words for the console. */
    private static String train(ServiceSpec spec, StartupCache cache, Path logDirectory, LongConsumer watch)
            throws InterruptedException {
        Path logFile = logDirectory.resolve(spec.module() + "-startup-cache.log");
        Process training = null;
        try {
            Files.createDirectories(logDirectory);
            training = ServiceProcess.startJvm(spec, cache.prepareTraining(ServiceProcess.javaExecutable()), logFile);
            watch.accept(training.pid());
            if (!training.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                return spec.module() + ": no start-up cache, its training start took over " + TIMEOUT_MINUTES
                        + " min (log: " + logFile + "); it starts without one";
            }
            if (training.exitValue() != 0) {
                return spec.module() + ": no start-up cache, its training start failed (log: " + logFile
                        + "); it starts without one";
            }
            cache.markTrained();
            return null;
        } catch (IOException | RuntimeException e) {
            return spec.module() + ": no start-up cache (" + e.getMessage() + "); it starts without one";
        } finally {
            if (training != null && training.isAlive()) {
                training.destroyForcibly().waitFor();
            }
        }
    }
}
