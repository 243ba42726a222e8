package io.keliu.local.services;

import io.keliu.local.StackStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds a service's executable jar where Maven builds it: {@code <home>/<module>/target/<module>-<version>.jar}. */
public final class ServiceJars {

    private ServiceJars() {
    }

    public static Path find(Path home, String module) {
        Path target = home.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                // the repackaged, executable jar; Spring Boot keeps the plain one as *.jar.original
                var jar = files.filter(file -> {
                    String name = file.getFileName().toString();
                    return name.startsWith(module + "-") && name.endsWith(".jar")
                            && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar");
                }).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new StackStartException("No jar of " + module + " in " + target
                + "; build it with ./mvnw -B -DskipTests install (bin/keliu does this on first use)");
    }
}
