package io.keliu.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCacheTest {
    @TempDir
    Path target;
    private Path jar;

    @BeforeEach
    void aBuiltJar() throws IOException {
        jar = Files.writeString(target.resolve("some-service-1.0.jar"), "built once");
    }

    @Test
    void without_a_trained_cache_the_service_starts_from_its_jar_as_built() {
        StartupCache cache = new StartupCache(jar, "25+36");

        assertThat(cache.isCurrent()).isFalse();
        assertThat(cache.launchArguments()).containsExactly("-jar", jar.toString());
    }

    @Test
    void a_trained_cache_starts_the_extracted_jar_from_the_cache() throws IOException {
        StartupCache cache = trained(new StartupCache(jar, "25+36"));

        assertThat(cache.isCurrent()).isTrue();
        assertThat(cache.launchArguments()).containsExactly(
                "-XX:AOTCache=" + target.resolve("startup-cache/service.aot"), "-Xlog:aot*=error",
                "-jar", target.resolve("startup-cache/application/some-service-1.0.jar").toString());
    }

    @Test
    void a_rebuilt_jar_makes_the_cache_stale() throws IOException {
        StartupCache cache = trained(new StartupCache(jar, "25+36"));

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(cache.isCurrent()).isFalse();
        assertThat(cache.launchArguments()).containsExactly("-jar", jar.toString());
    }

    @Test
    void another_jdk_makes_the_cache_stale() throws IOException {
        trained(new StartupCache(jar, "25+36"));

        assertThat(new StartupCache(jar, "25.0.1+8").isCurrent()).isFalse();
    }

    @Test
    void a_training_that_left_no_cache_is_not_marked_trained() {
        StartupCache cache = new StartupCache(jar, "25+36");

        assertThatThrownBy(cache::markTrained).hasMessageContaining("left no cache");
        assertThat(cache.isCurrent()).isFalse();
    }

    /** What a successful training start leaves: the cache file (its content is the JVM's business). */
    private StartupCache trained(StartupCache cache) throws IOException {
        Files.createDirectories(target.resolve("startup-cache"));
        Files.writeString(target.resolve("startup-cache/service.aot"), "a cache");
        cache.markTrained();
        return cache;
    }
}
