package io.keliu.notify.silences;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/silences")
@Tag(name = "silences", description = "Mute matching alerts until an end time")
public class SilenceController {
    private final Silences silences;

    public SilenceController(Silences silences) {
        this.silences = silences;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Mute alerts whose labels (or type, severity) equal every matcher, until endsAt")
    public Silence create(@RequestBody SilenceRequest request, Principal principal) {
        return silences.create(request, principal == null ? null : principal.getName());
    }

    @GetMapping
    @Operation(summary = "Every silence, the expired ones included")
    public List<Silence> list() {
        return silences.all();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End a silence now")
    public void delete(@PathVariable UUID id) {
        silences.delete(id);
    }
}
