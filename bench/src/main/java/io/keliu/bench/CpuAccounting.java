package io.keliu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the benchmark between two snapshots, read from Linux's /proc: ingest-service, the
 * PostgreSQL processes, the broker's JVM, this driver, and the whole machine. Says where the CPU of a line goes, and
 * so how far the machine is from a target: a rate is bounded by cores ÷ CPU per line. Elsewhere than Linux it reports
 * nothing.
 */
final class CpuAccounting {
    /** USER_HZ: /proc reports CPU in clock ticks, 100 a second on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private final long servicePid;
    private final Map<String, Long> start;
    private final long startMachineBusy;

    private CpuAccounting(long servicePid) {
        this.servicePid = servicePid;
        this.start = ticksByPart();
        this.startMachineBusy = machineBusyTicks();
    }

    static CpuAccounting start(long servicePid) {
        return new CpuAccounting(servicePid);
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

    private Map<String, Long> ticksByPart() {
        Map<String, Long> ticks = new LinkedHashMap<>(Map.of("ingest-service", 0L, "PostgreSQL", 0L,
                "Kafka broker", 0L, "benchmark driver", 0L));
        if (!available()) {
            return ticks;
        }
        long self = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(process -> {
                long pid = Long.parseLong(process.getFileName().toString());
                String part = pid == servicePid ? "ingest-service" : pid == self ? "benchmark driver"
                        : partOf(read(process.resolve("cmdline")));
                if (part != null) {
                    ticks.merge(part, processTicks(read(process.resolve("stat"))), Long::sum);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return ticks;
    }

    /** PostgreSQL's processes rename themselves ("postgres: walwriter"); the broker is `bin/keliu broker`. */
    private static String partOf(String commandLine) {
        if (commandLine.startsWith("postgres") || commandLine.contains("/bin/postgres")) {
            return "PostgreSQL";
        }
        return commandLine.contains("keliu-local.jar") && commandLine.contains("broker") ? "Kafka broker" : null;
    }

    /** utime + stime, fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses. */
    private static long processTicks(String stat) {
        if (stat.isEmpty()) {
            return 0;
        }
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
