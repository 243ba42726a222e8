package io.keliu.local.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service's JDK AOT cache (JEP 483/514: classes loaded and linked, method profiles), kept beside its jar in
 * {@code target/startup-cache/}. A JVM starting from the cache spends far less CPU on start-up, which is what six
 * services starting at once on two cores wait for. The cache only works with the jar in extracted form (Spring Boot's
 * {@code -Djarmode=tools extract}) and is made by a training start that stops once the application context is
 * refreshed. A cache belongs to one jar and one JDK: a rebuild or another JDK makes it stale and it is trained again.
 */
public final class StartupCache {
    /**
     * The JVM warns of every class it leaves out of a cache (Spring's optional SAML/OAuth2 configurers failing
     * verification, proxies) and of code it cannot link from it: hundreds of lines that change nothing. Errors stay.
     */
    private static final String QUIET_AOT_WARNINGS = "-Xlog:aot*=error";
    private final Path fatJar;
    private final Path directory;
    private final String javaVersion;

    StartupCache(Path fatJar, String javaVersion) {
        this.fatJar = fatJar;
        this.directory = fatJar.resolveSibling("startup-cache");
        this.javaVersion = javaVersion;
    }

    public static StartupCache of(Path fatJar) {
        return new StartupCache(fatJar, System.getProperty("java.runtime.version"));
    }

    /** True when the cache was trained from this very jar on this JDK. */
    public boolean isCurrent() {
        try {
            return Files.exists(cacheFile()) && Files.exists(stampFile())
                    && Files.readString(stampFile(), StandardCharsets.UTF_8).equals(stamp());
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** How to start the service: from the cache when it is current, else from the jar as built. */
    public List<String> launchArguments() {
        if (isCurrent()) {
            return List.of("-XX:AOTCache=" + cacheFile(), QUIET_AOT_WARNINGS, "-jar", extractedJar().toString());
        }
        return List.of("-jar", fatJar.toString());
    }

    /** Unpacks the jar afresh, forgetting any earlier cache, and returns the arguments of the training start. */
    public List<String> prepareTraining(String javaExecutable) throws IOException, InterruptedException {
        deleteRecursively(directory);
        Files.createDirectories(directory);
        Process extract = new ProcessBuilder(javaExecutable, "-Djarmode=tools", "-jar", fatJar.toString(),
                "extract", "--destination", applicationDirectory().toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("extract.log").toFile())
                .start();
        if (extract.waitFor() != 0) {
            throw new IOException("could not extract " + fatJar + " (see " + directory.resolve("extract.log") + ")");
        }
        return List.of("-XX:AOTCacheOutput=" + cacheFile(), QUIET_AOT_WARNINGS, "-Dspring.context.exit=onRefresh",
                "-jar", extractedJar().toString());
    }

    /** Records that the training start succeeded, so that later starts use the cache. */
    public void markTrained() throws IOException {
        if (!Files.exists(cacheFile())) {
            throw new IOException("the training start left no cache at " + cacheFile());
        }
        Files.writeString(stampFile(), stamp(), StandardCharsets.UTF_8);
    }

    private String stamp() throws IOException {
        return Files.size(fatJar) + " " + Files.getLastModifiedTime(fatJar).toMillis() + " " + javaVersion;
    }

    private Path applicationDirectory() {
        return directory.resolve("application");
    }

    private Path extractedJar() {
        return applicationDirectory().resolve(fatJar.getFileName());
    }

    private Path cacheFile() {
        return directory.resolve("service.aot");
    }

    private Path stampFile() {
        return directory.resolve("trained-from");
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
