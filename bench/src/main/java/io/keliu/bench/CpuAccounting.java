package io.keliu.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the benchmark between two snapshots, read from Linux's /proc: the service measured, the
 * benchmark's PostgreSQL (its server on the benchmark's port and that server's children), the benchmark's broker
 * (the {@code bin/keliu broker} on its port), this driver, and the whole machine. Other PostgreSQL servers and brokers
 * on the machine (other test suites, other benchmarks) are not counted. Says where the CPU of a line goes, and so how
 * far the machine is from a target: a rate is bounded by cores ÷ CPU per line. Elsewhere than Linux it reports
 * nothing.
 */
final class CpuAccounting {
    /** USER_HZ: /proc reports CPU in clock ticks, 100 a second on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long servicePid;
    private final String postgresPort;
    private final String brokerPort;
    private final Map<String, Long> start;
    private final long startMachineBusy;

    private CpuAccounting(long servicePid, int postgresPort, int brokerPort) {
        this.servicePid = servicePid;
        this.postgresPort = " -p " + postgresPort + " ";
        this.brokerPort = " broker --port " + brokerPort + " ";
        this.start = ticksByPart();
        this.startMachineBusy = machineBusyTicks();
    }

    /** Counts from now the CPU of the service, of the PostgreSQL server on {@code postgresPort} and of the broker on
     *  {@code brokerPort}. */
    static CpuAccounting start(long servicePid, int postgresPort, int brokerPort) {
        return new CpuAccounting(servicePid, postgresPort, brokerPort);
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    /** CPU seconds per part since the start, and "machine" for all processes together. */
    Map<String, Double> secondsSinceStart() {
        Map<String, Double> used = new LinkedHashMap<>();
        ticksByPart().forEach((part, ticks) -> used.put(part,
                (ticks - start.getOrDefault(part, 0L)) / TICKS_PER_SECOND));
        used.put("machine", (machineBusyTicks() - startMachineBusy) / TICKS_PER_SECOND);
        return used;
    }

    /** The CPU per event of the service and of PostgreSQL since the start, and the rate the cores allow at that
     *  cost of the whole machine. */
    String perEvent(long events) {
        Map<String, Double> used = secondsSinceStart();
        double machine = used.get("machine") * 1e6 / events;
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(java.util.Locale.ROOT, "CPU per event: service %.1f µs, PostgreSQL %.1f µs, machine"
                + " %.1f µs; %d cores allow %,.0f events/s", used.get("service") * 1e6 / events,
                used.get("PostgreSQL") * 1e6 / events, machine, cores, cores * 1e6 / machine);
    }

    private Map<String, Long> ticksByPart() {
        Map<String, Long> ticks = new LinkedHashMap<>(Map.of("service", 0L, "PostgreSQL", 0L,
                "Kafka broker", 0L, "benchmark driver", 0L));
        if (!available()) {
            return ticks;
        }
        long self = ProcessHandle.current().pid();
        Map<Long, String> commandLines = new HashMap<>();
        Map<Long, String> stats = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(process -> {
                long pid = Long.parseLong(process.getFileName().toString());
                commandLines.put(pid, read(process.resolve("cmdline")) + " ");
                stats.put(pid, read(process.resolve("stat")));
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        Set<Long> postmasters = new HashSet<>();
        commandLines.forEach((pid, commandLine) -> {
            if (commandLine.contains("/bin/postgres ") && commandLine.contains(postgresPort)) {
                postmasters.add(pid);
            }
        });
        stats.forEach((pid, stat) -> {
            String part = pid == servicePid ? "service" : pid == self ? "benchmark driver"
                    : postmasters.contains(pid) || postmasters.contains(parent(stat)) ? "PostgreSQL"
                    : commandLines.get(pid).contains("keliu-local.jar") && commandLines.get(pid).contains(brokerPort)
                    ? "Kafka broker" : null;
            if (part != null) {
                ticks.merge(part, processTicks(stat) + (postmasters.contains(pid) ? endedChildrenTicks(stat) : 0),
                        Long::sum);
            }
        });
        return ticks;
    }

    /** CPU seconds (user + system) one process has used so far; 0 elsewhere than Linux or once it has ended. */
    static double processSeconds(long pid) {
        return available() ? processTicks(read(Path.of("/proc", Long.toString(pid), "stat"))) / TICKS_PER_SECOND : 0;
    }

    /**
     * CPU seconds the JIT compiler threads of one process have used so far (HotSpot names them "C1 CompilerThread…"
     * and "C2 CompilerThread…"); 0 elsewhere than Linux or once it has ended.
     */
    static double compilerSeconds(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (!available() || !Files.isDirectory(tasks)) {
            return 0;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.filter(thread -> read(thread.resolve("comm")).matches("C[12] CompilerThre.*\\s*"))
                    .mapToLong(thread -> processTicks(read(thread.resolve("stat")))).sum() / TICKS_PER_SECOND;
        } catch (IOException | UncheckedIOException e) {
            return 0; // the process ended meanwhile
        }
    }

    /** The fields of /proc/PID/stat after the command name in parentheses (which may hold spaces). */
    private static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** ppid, field 4 of /proc/PID/stat: PostgreSQL's backends and workers are children of its server process. */
    private static long parent(String stat) {
        return stat.isEmpty() ? 0 : Long.parseLong(statFields(stat)[1]);
    }

    /** utime + stime, fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses. */
    private static long processTicks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = statFields(stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * cutime + cstime, fields 16 and 17: the CPU of the children the process has reaped. For PostgreSQL's server,
     * the autovacuum workers and backends that ended during the run.
     */
    private static long endedChildrenTicks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = statFields(stat);
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /** All CPU time but idle and iowait, over all cores. */
    private static long machineBusyTicks() {
        if (!available()) {
            return 0;
        }
        String[] cpu = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < cpu.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(cpu[i]);
            }
        }
        return busy;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return ""; // the process ended meanwhile
        }
    }
}
