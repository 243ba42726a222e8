package io.keliu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What authentication adds to a request through the gateway (issue 9): the same request at a constant rate against
 * an open gateway and service (the reference) and against the secured ones with an API key, in alternating rounds.
 * Latency is measured from when a request was due, not when it was sent, so a stall counts against it (no coordinated
 * omission). Run by bench/security.sh; prints a markdown table.
 *
 * <pre>AuthOverheadBenchmark OPEN_URL SECURED_URL API_KEY [rate] [seconds per round] [rounds]</pre>
 *
 * With {@code -Dkeliu.bench.open-pids=GATEWAY,SERVICE} and {@code -Dkeliu.bench.secured-pids=GATEWAY,SERVICE} it also
 * prints the CPU each process used per request in each round: latency near capacity is queueing, CPU per request is
 * what the checks cost, and it is steadier on a shared machine. The driver's own CPU per request is printed beside
 * them: it shares the cores with both paths.
 */
public final class AuthOverheadBenchmark {
    private static final String OPEN = "open (reference)";
    private static final String SECURED = "secured (API key)";

    private AuthOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI open = URI.create(args[0]);
        URI secured = URI.create(args[1]);
        String key = args[2];
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
        int rounds = args.length > 5 ? Integer.parseInt(args[5]) : 3;

        HttpRequest openRequest = HttpRequest.newBuilder(open).timeout(Duration.ofSeconds(10)).build();
        HttpRequest securedRequest = HttpRequest.newBuilder(secured).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + key).build();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            System.err.println("warming up both for " + 3 * seconds + " s each, 4 requests at a time");
            String capacity = "closed loop of 4 callers during the warm-up's last third (what each path can do): open "
                    + warmUp(http, openRequest, 3 * seconds) + " requests/s, secured "
                    + warmUp(http, securedRequest, 3 * seconds) + " requests/s; then warmed on until the JIT was"
                    + " quiet: open " + warmUntilCompiled(http, openRequest, pids(OPEN), 3 * seconds) + " s more,"
                    + " secured " + warmUntilCompiled(http, securedRequest, pids(SECURED), 3 * seconds) + " s more";
            Map<String, List<long[]>> results = new LinkedHashMap<>();
            List<String> cpu = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (String target : List.of(OPEN, SECURED)) {
                    long[] pids = pids(target);
                    double[] before = cpuSeconds(pids);
                    double driverBefore = CpuAccounting.processSeconds(ProcessHandle.current().pid());
                    double jitBefore = compilerSeconds(pids);
                    Instant started = Instant.now();
                    long[] latencies = run(http, target.equals(OPEN) ? openRequest : securedRequest, rate, seconds);
                    results.computeIfAbsent(target, k -> new ArrayList<>()).add(sorted(latencies));
                    double[] after = cpuSeconds(pids);
                    double driver = CpuAccounting.processSeconds(ProcessHandle.current().pid()) - driverBefore;
                    double jit = compilerSeconds(pids) - jitBefore;
                    System.err.println(target + " round " + round + " from " + started + ", p95 of each second's"
                            + " requests in ms: " + perSecondP95(latencies, rate));
                    if (pids.length == 2) {
                        cpu.add("| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f |".formatted(target, round,
                                (after[0] - before[0]) * 1e6 / (rate * seconds),
                                (after[1] - before[1]) * 1e6 / (rate * seconds),
                                (after[0] - before[0] + after[1] - before[1]) * 1e6 / (rate * seconds),
                                driver * 1e6 / (rate * seconds), jit * 1e3));
                    }
                }
                System.err.println("round " + round + " of " + rounds + " done");
            }
            print(results, rate, seconds);
            if (!cpu.isEmpty()) {
                System.out.println("\nCPU per request, µs (each process's user + system time over its round)\n");
                System.out.println("| target | round | gateway | service | both | driver (this load generator) |"
                        + " JIT compilers of gateway + service in the round, ms |");
                System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
                cpu.forEach(System.out::println);
                System.out.println();
            }
            System.out.println(capacity);
        }
    }

    private static long[] pids(String target) {
        String pids = System.getProperty(target.equals(OPEN) ? "keliu.bench.open-pids" : "keliu.bench.secured-pids");
        return pids == null || !CpuAccounting.available() ? new long[0]
                : Arrays.stream(pids.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static double[] cpuSeconds(long[] pids) {
        return Arrays.stream(pids).mapToDouble(CpuAccounting::processSeconds).toArray();
    }

    /**
     * Requests one after another on a few threads: lets the JIT compile the paths of freshly started services without
     * the backlog that a fixed rate builds up in cold JVMs (thousands of waiting requests, pools timing out, heaps
     * filling), which they would never work off in the rounds.
     */
    private static long warmUp(HttpClient http, HttpRequest request, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long lastThird = start + TimeUnit.SECONDS.toNanos(seconds) * 2 / 3;
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        AtomicInteger answeredInLastThird = new AtomicInteger();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 4; c++) {
                clients.execute(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (System.nanoTime() > lastThird) {
                                answeredInLastThird.incrementAndGet();
                            }
                        } catch (Exception e) {
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                        }
                    }
                });
            }
        }
        return Math.round(answeredInLastThird.get() * 3.0 / seconds);
    }

    private static double compilerSeconds(long[] pids) {
        return Arrays.stream(pids).mapToDouble(CpuAccounting::compilerSeconds).sum();
    }

    /**
     * Warms a path up on, closed loop, in slices of 5 s until its JVMs' JIT compilers used under 5 % of a core in a
     * slice, for at most {@code atMost} seconds: a path with more code (the secured one) is still compiling after the
     * fixed warm-up, and a round that starts while C2 takes a share of the two cores measures that, not the path.
     *
     * @return the seconds it took
     */
    private static int warmUntilCompiled(HttpClient http, HttpRequest request, long[] pids, int atMost)
            throws InterruptedException {
        int slice = 5;
        int warmed = 0;
        while (pids.length > 0 && warmed < atMost) {
            double before = compilerSeconds(pids);
            warmUp(http, request, slice);
            warmed += slice;
            if (compilerSeconds(pids) - before < 0.05 * slice) {
                break;
            }
        }
        return warmed;
    }

    /** @return latencies in µs in the order the requests were due, with the count of non-2xx/4xx answers and errors
     *  as the last element */
    private static long[] run(HttpClient http, HttpRequest request, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i;
                requests.execute(() -> {
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 500 || response.statusCode() == 401
                                || response.statusCode() == 403 || response.statusCode() == 429) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    latencies[index] = (System.nanoTime() - due) / 1000;
                });
            }
        }
        long[] result = Arrays.copyOf(latencies, total + 1);
        result[total] = failures.get();
        return result;
    }

    /** The latencies sorted, the failure count left last. */
    private static long[] sorted(long[] result) {
        long[] sorted = result.clone();
        Arrays.sort(sorted, 0, sorted.length - 1);
        return sorted;
    }

    /**
     * A round's course, second by second (latencies in the order the requests were due): whether a path was slow all
     * along or fell over at some point and never caught up.
     */
    private static String perSecondP95(long[] latencies, int rate) {
        StringBuilder seconds = new StringBuilder();
        for (int from = 0; from + rate <= latencies.length - 1; from += rate) {
            long[] second = Arrays.copyOfRange(latencies, from, from + rate);
            Arrays.sort(second);
            seconds.append(' ').append(Math.round(percentile(second, rate, 0.95)));
        }
        return seconds.toString().trim();
    }

    private static void print(Map<String, List<long[]>> results, int rate, int seconds) {
        System.out.printf("%d requests/s for %d s per round, rounds alternating; latency from the due time, in ms%n%n",
                rate, seconds);
        System.out.println("| target | round | p50 | p95 | p99 | max | failed |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        results.forEach((target, rounds) -> {
            for (int i = 0; i < rounds.size(); i++) {
                long[] r = rounds.get(i);
                int n = r.length - 1;
                System.out.printf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %d |%n", target, i + 1,
                        percentile(r, n, 0.50), percentile(r, n, 0.95), percentile(r, n, 0.99), r[n - 1] / 1000.0,
                        r[n]);
            }
        });
        List<long[]> open = results.get(OPEN);
        List<long[]> secured = results.get(SECURED);
        System.out.println();
        for (int i = 0; i < open.size(); i++) {
            int n = open.get(i).length - 1;
            System.out.printf("round %d: p95 added by security %.2f ms, p50 added %.2f ms%n", i + 1,
                    percentile(secured.get(i), n, 0.95) - percentile(open.get(i), n, 0.95),
                    percentile(secured.get(i), n, 0.50) - percentile(open.get(i), n, 0.50));
        }
    }

    private static double percentile(long[] sorted, int n, double p) {
        return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1000.0;
    }
}
