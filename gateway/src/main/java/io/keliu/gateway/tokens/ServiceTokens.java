package io.keliu.gateway.tokens;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import io.keliu.contracts.v1.GatewayToken;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Signs the token a forwarded request carries to a service. A caller's token is reused while most of its lifetime is
 * left (a fifth of it at most), so that a busy integrator costs one signature a minute, not one per request.
 */
@Component
public class ServiceTokens {
    private final JwtEncoder encoder;
    private final String keyId;
    private final TokenProperties properties;
    private final Clock clock;
    private final ConcurrentMap<Caller, Signed> recent = new ConcurrentHashMap<>();

    public ServiceTokens(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(keys.current())));
        this.keyId = keys.current().getKeyID();
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param subject  the user name, or {@code key:<id>} for an API key
     * @param roles    role names
     * @param apiKeyId the API key used, or null for a person
     */
    public record Caller(String subject, List<String> roles, String apiKeyId) {
    }

    private record Signed(String token, Instant reuseUntil) {
    }

    public String tokenFor(Caller caller) {
        Instant now = clock.instant();
        Signed signed = recent.get(caller);
        if (signed == null || !now.isBefore(signed.reuseUntil())) {
            signed = sign(caller, now);
            recent.put(caller, signed);
        }
        return signed.token();
    }

    private Signed sign(Caller caller, Instant now) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(GatewayToken.ISSUER)
                .subject(caller.subject())
                .issuedAt(now)
                .expiresAt(now.plus(properties.lifetime()))
                .claim(GatewayToken.ROLES, caller.roles());
        if (caller.apiKeyId() != null) {
            claims.claim(GatewayToken.API_KEY_ID, caller.apiKeyId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.from(GatewayToken.ALGORITHM)).keyId(keyId).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new Signed(token, now.plus(properties.lifetime().dividedBy(5)));
    }
}
