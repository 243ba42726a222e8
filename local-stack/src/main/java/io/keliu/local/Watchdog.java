package io.keliu.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Stops what the stack started when the stack itself dies without stopping it (SIGKILL, a crash, an out-of-memory
 * kill): the services are child JVMs and PostgreSQL is a server process of its own, and they would keep running and
 * holding their ports. The watchdog is a small separate JVM; the stack tells it the pid of every process it starts,
 * one per line on the watchdog's standard input. When that input ends without "done" (the stack is gone and the
 * operating system closed the pipe), or the stack's process exits, the watchdog stops every watched process that still
 * runs, the last started first (services before PostgreSQL), each with SIGTERM and, after a grace period, SIGKILL.
 * After a normal shutdown the stack has stopped them itself and says "done".
 */
@Command(name = "watchdog", hidden = true, description = "Stops the given processes when the parent dies.")
public final class Watchdog implements AutoCloseable, Callable<Integer> {
    private static final long GRACE_SECONDS = 15;
    private static final String DONE = "done";

    @Parameters(index = "0", description = "pid of the process to watch")
    long parentPid;

    private Process process;
    private Writer pids;

    /** Starts the watchdog of this JVM; its log goes to {@code logFile}. */
    public static Watchdog start(Path logFile) {
        String main = Watchdog.class.getClassLoader().getClass().getName().startsWith("org.springframework.boot.loader")
                ? "org.springframework.boot.loader.launch.JarLauncher" // inside keliu-local.jar
                : KeliuUp.class.getName();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                main, "watchdog", Long.toString(ProcessHandle.current().pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        try {
            logFile.getParent().toFile().mkdirs();
            Watchdog watchdog = new Watchdog();
            watchdog.process = builder.start();
            watchdog.pids = new java.io.OutputStreamWriter(watchdog.process.getOutputStream(), StandardCharsets.UTF_8);
            return watchdog;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the watchdog: " + e.getMessage(), e);
        }
    }

    /** Stops the process should this JVM die before stopping it. */
    public synchronized void watch(long pid) {
        try {
            pids.write(pid + "\n");
            pids.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the watchdog is gone: " + e.getMessage(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Everything is stopped: the watchdog exits without stopping anything. */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        pids.write(DONE + "\n");
        pids.close();
        process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
    }

    /** The watchdog process: reads pids until "done" or the end of its input, or until the parent exits. */
    @Override
    public Integer call() throws IOException {
        List<ProcessHandle> watched = new ArrayList<>();
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        parent.ifPresent(p -> p.onExit().thenRun(() -> stopAll(watched, "its parent " + parentPid + " exited")));
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.equals(DONE)) {
                return 0;
            }
            ProcessHandle.of(Long.parseLong(line.strip())).ifPresent(handle -> {
                synchronized (watched) {
                    watched.add(handle);
                }
            });
        }
        stopAll(watched, "the input from its parent " + parentPid + " ended");
        return 0;
    }

    private static void stopAll(List<ProcessHandle> watched, String why) {
        synchronized (watched) {
            List<ProcessHandle> running = watched.reversed().stream().filter(ProcessHandle::isAlive).toList();
            if (!running.isEmpty()) {
                System.out.println("watchdog: " + why + "; stopping " + running.stream().map(h -> Long.toString(
                        h.pid())).toList());
            }
            running.forEach(Watchdog::stop);
            watched.clear();
        }
        System.exit(0);
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
