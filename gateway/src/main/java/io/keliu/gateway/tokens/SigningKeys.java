package io.keliu.gateway.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The EC P-256 key service tokens are signed with: {@code KELIU_GATEWAY_SIGNING_KEY} (a private JWK) when given,
 * otherwise the newest key in the gateway's schema, generated there on first start so that every gateway instance and
 * restart signs with the same key. The JWK set lists the public half of every stored key, so older tokens stay valid
 * while a key is being replaced.
 */
@Component
@DependsOnDatabaseInitialization
public class SigningKeys {
    private final ECKey current;
    private final JWKSet publicKeys;

    public SigningKeys(TokenProperties properties, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        List<ECKey> stored = transaction.execute(status -> storedKeys(jdbc, clock));
        List<JWK> published = new ArrayList<>(stored.stream().map(ECKey::toPublicJWK).toList());
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            current = parse(properties.signingKey());
            published.addFirst(current.toPublicJWK());
        } else {
            current = stored.getFirst();
        }
        publicKeys = new JWKSet(published);
    }

    public ECKey current() {
        return current;
    }

    public JWKSet publicKeys() {
        return publicKeys;
    }

    /** Newest first; generates the first key when there is none (the lock makes concurrent first starts agree). */
    private static List<ECKey> storedKeys(JdbcClient jdbc, Clock clock) {
        jdbc.sql("lock table gateway.signing_keys in exclusive mode").update();
        List<ECKey> keys = jdbc.sql("select jwk from gateway.signing_keys order by created_at desc")
                .query(String.class).list().stream().map(SigningKeys::parse).toList();
        if (!keys.isEmpty()) {
            return keys;
        }
        ECKey generated = generate();
        jdbc.sql("insert into gateway.signing_keys (kid, jwk, created_at) values (?, ?, ?)")
                .params(generated.getKeyID(), generated.toJSONString(), java.sql.Timestamp.from(clock.instant()))
                .update();
        return List.of(generated);
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private static ECKey parse(String jwk) {
        try {
            ECKey key = ECKey.parse(jwk);
            if (!key.isPrivate() || !Curve.P_256.equals(key.getCurve()) || key.getKeyID() == null) {
                throw new IllegalStateException("KELIU_GATEWAY_SIGNING_KEY must be a private EC P-256 JWK with a kid");
            }
            return key;
        } catch (ParseException e) {
            throw new IllegalStateException("KELIU_GATEWAY_SIGNING_KEY is not a JWK: " + e.getMessage(), e);
        }
    }
}
