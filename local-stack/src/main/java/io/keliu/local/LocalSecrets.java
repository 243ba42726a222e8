package io.keliu.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Secrets the local stack's services need, made once and kept in the data directory so that restarts keep them. */
public final class LocalSecrets {
    private LocalSecrets() {
    }

    /** notify-service's key for recipients at rest (32 random bytes, base64), readable by this user only. */
    public static String notifyKey(Path dataDirectory) {
        Path file = dataDirectory.resolve("notify-secret.key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            Files.createDirectories(dataDirectory);
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep notify-service's key in " + file, e);
        }
    }
}
