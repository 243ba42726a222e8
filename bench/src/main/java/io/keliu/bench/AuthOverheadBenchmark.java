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
 * three paths in alternating rounds: the Keliu gateway with no request checked by Spring Security, in front of
 * ingest-service with its security left out (the reference, {@link OpenKeliuGateway}); the same gateway secured, with
 * an API key, in front of ingest-service verifying the gateway's token; and a bare Spring Cloud Gateway in front of the
 * open ingest-service ({@link OpenGateway}), which shows what the gateway's other work (metrics, the API request log)
 * costs. Latency is measured from when a request was due, not when it was sent, so a stall counts against it (no
 * coordinated omission). Run by bench/security.sh; prints markdown tables.
 *
 * <pre>AuthOverheadBenchmark OPEN_URL SECURED_URL BARE_URL API_KEY [rate] [seconds per round] [rounds] [lead-in]</pre>
 *
 * Each round begins with {@code lead-in} seconds (2 by default) at its rate that are not measured: a path resumes
 * after the others' rounds, and its first second paid for the pause (connections opened again, the API key looked up
 * again), more on the secured path, which has more to look up. The measured seconds are the path under load.
 *
 * With {@code -Dkeliu.bench.open-pids=GATEWAY,SERVICE} (and {@code secured-pids}, {@code bare-pids}) it also prints the
 * CPU each process used per request in each round: latency near capacity is queueing, CPU per request is what the
 * checks cost, and it is steadier on a shared machine. The driver's own CPU per request is printed beside them: it
 * shares the cores with every path.
 */
public final class AuthOverheadBenchmark {
    private static final int KEY_FETCHES = 200;
    /**
     * A path under test: what it is called in the tables, its request, and its gateway's and service's pids; for a
     * Keliu gateway, also the request for its JWK set.
     */
    private record Target(String name, HttpRequest request, long[] pids, HttpRequest keys) {
        Target(String name, String pidsProperty, HttpRequest.Builder request, boolean servesKeys) {
            this(name, request.timeout(Duration.ofSeconds(10)).build(), pidsOf(pidsProperty),
                    servesKeys ? HttpRequest.newBuilder(request.build().uri().resolve("/oauth2/jwks")).build() : null);
        }
    }

    private AuthOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String key = args[3];
        int rate = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 20;
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        int leadIn = args.length > 7 ? Integer.parseInt(args[7]) : 2;
        Target open = new Target("open (reference)", "keliu.bench.open-pids",
                HttpRequest.newBuilder(URI.create(args[0])), true);
        Target secured = new Target("secured (API key)", "keliu.bench.secured-pids",
                HttpRequest.newBuilder(URI.create(args[1])).header("Authorization", "Bearer " + key), true);
        Target bare = new Target("bare Spring Cloud Gateway", "keliu.bench.bare-pids",
                HttpRequest.newBuilder(URI.create(args[2])), false);
        List<Target> targets = List.of(open, secured, bare);

        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            System.err.println("warming up each for " + 3 * seconds + " s, 4 requests at a time");
            List<String> warmUps = new ArrayList<>();
            for (Target target : targets) {
                long capacity = warmUp(http, target.request(), 3 * seconds);
                // every service fetches the gateway's JWK set again every 4 minutes: the first fetch within a round
                // made the JIT throw out the forwarding code it had compiled for API requests alone
                fetchKeys(http, target.keys());
                // a fixed rate takes branches 4 callers never do (the API log's sampling above 100 requests/s, many
                // connections at once): in the first round, the JIT threw out code compiled without them
                run(http, target.request(), rate, seconds, 0);
                warmUps.add(target.name() + ": " + capacity + " requests/s, then " + (target.keys() == null ? ""
                        : "its JWK set " + KEY_FETCHES + " times, ") + seconds + " s at " + rate
                        + " requests/s and " + warmUntilCompiled(http, target.request(), target.pids(), 3 * seconds)
                        + " s more closed loop");
            }
            Map<Target, List<long[]>> results = new LinkedHashMap<>();
            List<String> cpu = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                for (Target target : targets) {
                    long[] pids = target.pids();
                    double[] before = cpuSeconds(pids);
                    double driverBefore = CpuAccounting.processSeconds(ProcessHandle.current().pid());
                    double jitBefore = compilerSeconds(pids);
                    Instant started = Instant.now();
                    long[] latencies = run(http, target.request(), rate, seconds, leadIn);
                    results.computeIfAbsent(target, k -> new ArrayList<>()).add(sorted(latencies));
                    double[] after = cpuSeconds(pids);
                    double driver = CpuAccounting.processSeconds(ProcessHandle.current().pid()) - driverBefore;
                    double jit = compilerSeconds(pids) - jitBefore;
                    System.err.println(target.name() + " round " + round + " from " + started + ", p95 of each"
                            + " second's requests in ms: " + perSecondP95(latencies, rate));
                    if (pids.length == 2) {
                        cpu.add("| %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f |".formatted(target.name(), round,
                                (after[0] - before[0]) * 1e6 / (rate * (leadIn + seconds)),
                                (after[1] - before[1]) * 1e6 / (rate * (leadIn + seconds)),
                                (after[0] - before[0] + after[1] - before[1]) * 1e6 / (rate * (leadIn + seconds)),
                                driver * 1e6 / (rate * (leadIn + seconds)), jit * 1e3));
                    }
                }
                System.err.println("round " + round + " of " + rounds + " done");
            }
            print(results, rate, seconds, leadIn);
            printAdded(results.get(open), results.get(secured), results.get(bare));
            if (!cpu.isEmpty()) {
                System.out.println("\nCPU per request, µs (each process's user + system time over its round)\n");
                System.out.println("| target | round | gateway | service | both | driver (this load generator) |"
                        + " JIT compilers of gateway + service in the round, ms |");
                System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
                cpu.forEach(System.out::println);
            }
            System.out.println("\nclosed loop of 4 callers during the warm-up's last third (what each path can do),"
                    + " then a round's length at the round's rate, then warmed on until the JIT was quiet: "
                    + String.join("; ", warmUps));
        }
    }

    private static long[] pidsOf(String property) {
        String pids = System.getProperty(property);
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

    private static void fetchKeys(HttpClient http, HttpRequest keys) throws Exception {
        for (int i = 0; keys != null && i < KEY_FETCHES; i++) {
            http.send(keys, HttpResponse.BodyHandlers.discarding());
        }
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

    /**
     * @param leadIn seconds at the rate before the measured ones, not measured
     * @return the measured latencies in µs in the order the requests were due, with the count of non-2xx/4xx answers
     *  and errors among them as the last element
     */
    private static long[] run(HttpClient http, HttpRequest request, int rate, int seconds, int leadIn)
            throws InterruptedException {
        int unmeasured = rate * leadIn;
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < unmeasured + total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = i - unmeasured;
                requests.execute(() -> {
                    boolean failed;
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        failed = response.statusCode() >= 500 || response.statusCode() == 401
                                || response.statusCode() == 403 || response.statusCode() == 429;
                    } catch (Exception e) {
                        failed = true;
                    }
                    if (index >= 0) {
                        latencies[index] = (System.nanoTime() - due) / 1000;
                        if (failed) {
                            failures.incrementAndGet();
                        }
                    }
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

    private static void print(Map<Target, List<long[]>> results, int rate, int seconds, int leadIn) {
        System.out.printf("%d requests/s for %d s per round after %d s not measured, rounds alternating; latency from the"
                + " due time, in ms%n%n",
                rate, seconds, leadIn);
        System.out.println("| target | round | p50 | p95 | p99 | max | failed |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        results.forEach((target, rounds) -> {
            for (int i = 0; i < rounds.size(); i++) {
                long[] r = rounds.get(i);
                int n = r.length - 1;
                System.out.printf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %d |%n", target.name(), i + 1,
                        percentile(r, n, 0.50), percentile(r, n, 0.95), percentile(r, n, 0.99), r[n - 1] / 1000.0,
                        r[n]);
            }
        });
    }

    /** Round by round, what security adds (secured - open) and what the gateway's other work adds (open - bare). */
    private static void printAdded(List<long[]> open, List<long[]> secured, List<long[]> bare) {
        System.out.printf("%nround by round: security (secured - open), and the gateway's other work"
                + " (open - bare), in ms%n%n");
        System.out.println("| round | p95 added by security | p50 added by security | p95 of the other work |"
                + " p50 of the other work |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < open.size(); i++) {
            long[] o = open.get(i);
            long[] s = secured.get(i);
            long[] b = bare.get(i);
            int n = o.length - 1;
            System.out.printf("| %d | %.2f | %.2f | %.2f | %.2f |%n", i + 1,
                    percentile(s, n, 0.95) - percentile(o, n, 0.95), percentile(s, n, 0.50) - percentile(o, n, 0.50),
                    percentile(o, n, 0.95) - percentile(b, n, 0.95), percentile(o, n, 0.50) - percentile(b, n, 0.50));
        }
        if (open.size() > 1) {
            long[] o = warmRounds(open);
            long[] s = warmRounds(secured);
            long[] b = warmRounds(bare);
            int n = o.length - 1;
            System.out.printf("| rounds 2-%d together | %.2f | %.2f | %.2f | %.2f |%n", open.size(),
                    percentile(s, n, 0.95) - percentile(o, n, 0.95), percentile(s, n, 0.50) - percentile(o, n, 0.50),
                    percentile(o, n, 0.95) - percentile(b, n, 0.95), percentile(o, n, 0.50) - percentile(b, n, 0.50));
            System.out.printf("%nrounds 2-%d together, p95 in ms: open %.2f, secured %.2f, bare %.2f%n", open.size(),
                    percentile(o, n, 0.95), percentile(s, n, 0.95), percentile(b, n, 0.95));
        }
    }

    /**
     * Every request of the rounds after the first, sorted, the failure count last: round 1 still pays for warming up
     * (its JIT compilers are busy), and one p95 over all later rounds moves less than a round's own.
     */
    private static long[] warmRounds(List<long[]> rounds) {
        List<long[]> warm = rounds.subList(1, rounds.size());
        int n = warm.stream().mapToInt(r -> r.length - 1).sum();
        long[] all = new long[n + 1];
        int at = 0;
        for (long[] round : warm) {
            System.arraycopy(round, 0, all, at, round.length - 1);
            at += round.length - 1;
            all[n] += round[round.length - 1];
        }
        Arrays.sort(all, 0, n);
        return all;
    }

    private static double percentile(long[] sorted, int n, double p) {
        return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1000.0;
    }
}
