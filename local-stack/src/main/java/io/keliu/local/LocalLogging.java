package io.keliu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Sends the broker's and PostgreSQL's own logging (slf4j-simple) to a file, keeping the console for what the user
 * needs to read. Must run before the first logger is created: slf4j-simple reads these properties once.
 */
public final class LocalLogging {

    private LocalLogging() {
    }

    /** Logs to {@code logFile}; the previous run's log is kept as {@code <name>.1}, as for the services. */
    public static void toFile(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configure(logFile.toString());
    }

    public static void toStandardError() {
        configure("System.err");
    }

    private static void configure(String target) {
        System.setProperty("org.slf4j.simpleLogger.logFile", target);
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        // the broker logs its whole configuration and every partition move at INFO: noise for a local stack
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.state.change.logger", "warn");
    }
}
