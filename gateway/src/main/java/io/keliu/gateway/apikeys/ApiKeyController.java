package io.keliu.gateway.apikeys;

import io.keliu.contracts.v1.Role;
import io.keliu.gateway.audit.AuditAction;
import io.keliu.gateway.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** API keys for integrators, managed by administrators. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "api-keys", description = "API keys for integrators (ADMIN)")
class ApiKeyController {
    private final ApiKeys apiKeys;
    private final ApiKeyRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyController(ApiKeys apiKeys, ApiKeyRepository repository, AuditLog audit, Clock clock) {
        this.apiKeys = apiKeys;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    record NewKey(@Schema(example = "erp-nightly-import") String name,
                  @Schema(example = "[\"INTEGRATOR\"]") Set<Role> roles,
                  @Schema(description = "Optional; the key is refused from then on") Instant expiresAt) {
    }

    record CreatedKey(UUID id, String name, Set<Role> roles, Instant expiresAt,
                      @Schema(description = "The key itself: shown only now, store it safely") String key) {
    }

    record KeyView(UUID id, String name, Set<Role> roles, String createdBy, Instant createdAt, Instant expiresAt,
                   Instant revokedAt, Instant lastUsedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.getId(), key.getName(), key.getRoles(), key.getCreatedBy(), key.getCreatedAt(),
                    key.getExpiresAt(), key.getRevokedAt(), key.getLastUsedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a key; the answer is the only time the key is shown")
    CreatedKey create(@RequestBody NewKey request, Authentication caller) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'name' must be 1 to 100 characters.");
        }
        if (request.roles() == null || request.roles().isEmpty() || request.roles().contains(null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "'roles' must name at least one of " + List.of(Role.values()) + ".");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'expiresAt' must be in the future.");
        }
        ApiKeys.Created created = apiKeys.create(request.name().strip(), request.roles(), request.expiresAt(),
                caller.getName());
        ApiKey key = created.key();
        audit.record(AuditAction.API_KEY_CREATED, "key " + key.getId() + " '" + key.getName() + "' with roles "
                + key.getRoles());
        return new CreatedKey(key.getId(), key.getName(), key.getRoles(), key.getExpiresAt(), created.secret());
    }

    @GetMapping
    @Operation(summary = "List keys with their last use (never the keys themselves)")
    List<KeyView> list() {
        return repository.findAllByOrderByCreatedAtDesc().stream().map(KeyView::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key: it is refused from the next request on")
    @Transactional
    void revoke(@PathVariable UUID id) {
        ApiKey key = repository.findById(id).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no API key " + id + "."));
        key.revoke(clock.instant());
        apiKeys.forget(key);
        audit.record(AuditAction.API_KEY_REVOKED, "key " + id + " '" + key.getName() + "'");
    }
}
