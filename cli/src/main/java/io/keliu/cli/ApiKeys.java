package io.keliu.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The API key a command sends to the platform (as {@code Authorization: Bearer}): the one given with
 * {@code --api-key} or {@code KELIU_API_KEY}, else the local stack's admin key in {@code <data-dir>/admin-api-key}
 * when the server is this machine.
 */
public final class ApiKeys {
    private ApiKeys() {
    }

    public static Optional<String> resolve(String given, Path dataDirectory, URI server) {
        if (given != null && !given.isBlank()) {
            return Optional.of(given.strip());
        }
        Path localKey = dataDirectory.resolve("admin-api-key");
        if (!isLocal(server) || !Files.isReadable(localKey)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(localKey).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + localKey + ": " + e.getMessage(), e);
        }
    }

    public static String hint(Path dataDirectory) {
        return "pass --api-key KEY or set KELIU_API_KEY (an administrator creates keys with POST /api/v1/api-keys; the"
                + " local stack keeps its admin key in " + dataDirectory.resolve("admin-api-key") + ")";
    }

    private static boolean isLocal(URI server) {
        String host = server.getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }
}
