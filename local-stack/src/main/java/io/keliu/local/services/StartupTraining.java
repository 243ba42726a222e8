package io.keliu.local.services;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Trains, in the background and at the lowest CPU priority, the {@link StartupCache} of every service whose cache is
 * stale, once the platform is up: the start after a build is not delayed, the next one is faster. Each service starts
 * a second time against the stack's own PostgreSQL and Kafka, as it does for real, and stops once its context is
 * refreshed (before it listens or consumes). A failed training costs only speed: that service keeps starting from its
 * jar as built. Closing stops the trainings still running.
 */
public final class StartupTraining implements AutoCloseable {
    /** Training starts at once: three keep two cores busy while one of them assembles its cache. */
    private static final int AT_ONCE = 3;
    private static final long TIMEOUT_MINUTES = 15;
    private static final Path NICE = Path.of("/usr/bin/nice");

    private final ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);

    private StartupTraining(List<Callable<String>> trainings, PrintStream console) {
        List<Future<String>> results = trainings.stream().map(pool::submit).toList();
        Thread.ofPlatform().name("startup-cache-training").daemon().start(() -> report(results, console));
    }

    /**
     * Starts training the stale caches among {@code caches} (index-aligned with {@code specs}); empty when every
     * cache is current.
     *
     * @param watch told each training JVM's pid, so that it ends should the stack's JVM die meanwhile
     */
    public static Optional<StartupTraining> startForStale(List<ServiceSpec> specs, List<StartupCache> caches,
                                                          Path logDirectory, PrintStream console, LongConsumer watch) {
        List<Callable<String>> trainings = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            ServiceSpec spec = specs.get(i);
            StartupCache cache = caches.get(i);
            if (!cache.isCurrent()) {
                trainings.add(() -> train(spec, cache, logDirectory, watch));
            }
        }
        if (trainings.isEmpty()) {
            return Optional.empty();
        }
        console.printf("Preparing the start-up caches of %d services in the background (once after each build, at low"
                + " priority): the next start is faster.%n", trainings.size());
        return Optional.of(new StartupTraining(trainings, console));
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow(); // interrupts the trainings; each ends its JVM
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static void report(List<Future<String>> results, PrintStream console) {
        long begin = System.nanoTime();
        List<String> failures = new ArrayList<>();
        for (Future<String> result : results) {
            try {
                String failure = result.get();
                if (failure != null) {
                    failures.add(failure);
                }
            } catch (InterruptedException | CancellationException stopped) {
                return;
            } catch (ExecutionException e) {
                failures.add(String.valueOf(e.getCause()));
            }
        }
        failures.forEach(failure -> console.println("  " + failure));
        console.printf("Start-up caches: %d of %d ready after %.1f s; the next start uses them.%n",
                results.size() - failures.size(), results.size(), (System.nanoTime() - begin) / 1e9);
    }

    /** One training start; null when the cache is ready, else why not, in words for the console. */
    private static String train(ServiceSpec spec, StartupCache cache, Path logDirectory, LongConsumer watch)
            throws InterruptedException {
        Path logFile = logDirectory.resolve(spec.module() + "-startup-cache.log");
        Process training = null;
        try {
            Files.createDirectories(logDirectory);
            List<String> lowPriority = Files.isExecutable(NICE) ? List.of(NICE.toString(), "-n", "19") : List.of();
            training = ServiceProcess.startJvm(spec, lowPriority,
                    cache.prepareTraining(ServiceProcess.javaExecutable()), logFile);
            watch.accept(training.pid());
            if (!training.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                return spec.module() + ": no start-up cache, its training start took over " + TIMEOUT_MINUTES
                        + " min (log: " + logFile + ")";
            }
            if (training.exitValue() != 0) {
                return spec.module() + ": no start-up cache, its training start failed (log: " + logFile + ")";
            }
            cache.markTrained();
            return null;
        } catch (IOException | RuntimeException e) {
            return spec.module() + ": no start-up cache (" + e.getMessage() + ")";
        } finally {
            if (training != null && training.isAlive()) {
                training.destroyForcibly().waitFor();
            }
        }
    }
}
