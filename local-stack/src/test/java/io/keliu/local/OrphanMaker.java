package io.keliu.local;

import io.keliu.local.postgres.LocalPostgres;
import java.nio.file.Path;

/**
 * The parent process of {@link WatchdogIT}: starts PostgreSQL and a child JVM as the stack does, under a watchdog,
 * prints their pids and waits to be killed. With the argument "child" it is that child: it only waits.
 */
public final class OrphanMaker {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("child")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        Path directory = Path.of(args[0]);
        Watchdog watchdog = Watchdog.start(directory.resolve("watchdog.log"));
        LocalPostgres postgres = LocalPostgres.start(Integer.parseInt(args[1]), directory.resolve("postgres"));
        watchdog.watch(postgres.pid());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OrphanMaker.class.getName(), "child").start();
        watchdog.watch(child.pid());
        System.out.println("pids " + postgres.pid() + " " + child.pid() + " " + watchdog.pid());
        Thread.sleep(Long.MAX_VALUE);
    }
}
