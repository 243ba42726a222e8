package io.keliu.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parent that starts PostgreSQL and a child JVM is killed with SIGKILL, so that no shutdown hook runs: its watchdog
 * must stop both, and free PostgreSQL's port for the next start.
 */
class WatchdogIT {
    @TempDir
    Path directory;

    @Test
    void whenTheParentIsKilledItsChildrenAndPostgresStop() throws Exception {
        int port = freePort();
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), directory.toString(),
                Integer.toString(port)).redirectError(directory.resolve("parent.log").toFile()).start();
        List<ProcessHandle> children;
        try {
            String line = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as("the parent's pids (log: %s)", directory.resolve("parent.log")).startsWith("pids ");
            children = Arrays.stream(line.substring(5).split(" ")).map(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .flatMap(Optional::stream).toList();
            assertThat(children).hasSize(3).allMatch(ProcessHandle::isAlive);
            assertThat(PortCheck.isFree(port)).isFalse();
        } finally {
            parent.destroyForcibly(); // SIGKILL: no shutdown hook
        }
        for (ProcessHandle child : children) {
            child.onExit().get(60, TimeUnit.SECONDS);
        }
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(PortCheck.isFree(port)).as("PostgreSQL's port").isTrue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
