package io.keliu.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, where the services' jars are built: set by bin/keliu, else found from this jar's place. */
public final class KeliuHome {

    private KeliuHome() {
    }

    public static Path locate() {
        String configured = System.getProperty("keliu.home", System.getenv("KELIU_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        // started as java -jar <home>/local-stack/target/keliu-local.jar: the class path is that one jar
        Path jar = Path.of(System.getProperty("java.class.path")).toAbsolutePath();
        Path home = jar.resolve("../../..").normalize();
        if (Files.isDirectory(home.resolve("local-stack"))) {
            return home;
        }
        throw new IllegalStateException("Cannot tell where Keliu is installed: set KELIU_HOME to the repository root");
    }
}
