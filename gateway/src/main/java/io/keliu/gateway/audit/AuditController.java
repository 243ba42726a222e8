package io.keliu.gateway.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "audit", description = "Security-relevant actions (ADMIN)")
class AuditController {
    private static final int MAX_LIMIT = 1000;

    private final AuditRepository entries;

    AuditController(AuditRepository entries) {
        this.entries = entries;
    }

    record AuditView(long id, Instant at, String actor, String remoteAddress, AuditAction action, String detail) {
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The newest audit entries first")
    List<AuditView> audit(@Parameter(description = "How many entries, 1 to 1000")
                          @RequestParam(defaultValue = "100") int limit,
                          @Parameter(description = "Only entries of this action")
                          @RequestParam(required = false) AuditAction action) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Parameter 'limit' must be between 1 and " + MAX_LIMIT + "; it is " + limit + ".");
        }
        List<AuditEntry> newest = action == null ? entries.findAllByOrderByIdDesc(Limit.of(limit))
                : entries.findAllByActionOrderByIdDesc(action, Limit.of(limit));
        return newest.stream()
                .map(entry -> new AuditView(entry.getId(), entry.getAt(), entry.getActor(), entry.getRemoteAddress(),
                        entry.getAction(), entry.getDetail()))
                .toList();
    }
}
