package io.keliu.gateway.bootstrap;

import io.keliu.contracts.v1.Role;
import io.keliu.gateway.apikeys.ApiKeys;
import io.keliu.gateway.users.User;
import io.keliu.gateway.users.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * First start: creates the user {@code admin} and an admin API key, and writes both secrets to the secrets directory
 * (one file each, mode 600, nothing but the secret). Runs before the gateway listens, so that a healthy gateway always
 * has them. Later starts find users and do nothing.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {
    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "admin-password";
    static final String API_KEY_FILE = "admin-api-key";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BootstrapProperties properties;
    private final UserRepository users;
    private final ApiKeys apiKeys;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;

    AdminBootstrap(BootstrapProperties properties, UserRepository users, ApiKeys apiKeys, PasswordEncoder passwords,
                   TransactionTemplate transaction) {
        this.properties = properties;
        this.users = users;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            if (users.count() > 0) {
                return;
            }
            String password = given(properties.adminPassword()) ? properties.adminPassword() : generated(18);
            String apiKey = given(properties.adminApiKey()) ? properties.adminApiKey() : null;
            users.save(new User(ADMIN, passwords.encode(password), Set.of(Role.ADMIN)));
            ApiKeys.Created key = apiKey == null
                    ? apiKeys.create(ADMIN, Set.of(Role.ADMIN), null, ADMIN)
                    : apiKeys.create(ADMIN, Set.of(Role.ADMIN), null, ADMIN, apiKey);
            writeSecret(PASSWORD_FILE, password);
            writeSecret(API_KEY_FILE, key.secret());
            LOG.info("First start: created user '{}' and an admin API key; their secrets are in {} and {}", ADMIN,
                    properties.secretsDir().resolve(PASSWORD_FILE), properties.secretsDir().resolve(API_KEY_FILE));
        });
    }

    private void writeSecret(String name, String secret) {
        Path file = properties.secretsDir().resolve(name);
        try {
            Files.createDirectories(properties.secretsDir());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + "; set KELIU_SECRETS_DIR to a writable directory",
                    e);
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static String generated(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
