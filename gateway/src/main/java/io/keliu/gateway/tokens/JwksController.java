package io.keliu.gateway.tokens;

import io.keliu.contracts.v1.GatewayToken;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The public keys services verify the gateway's tokens with. */
@RestController
@Hidden
class JwksController {
    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping(GatewayToken.JWKS_PATH)
    Map<String, Object> jwks() {
        return keys.publicKeys().toJSONObject();
    }
}
