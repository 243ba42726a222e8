package io.keliu.profile.refits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A refit's state, as {@code GET /api/v1/refits/{id}} shows it. */
public record Refit(UUID refitId, RefitStatus status, LocalDate calibrationEnd, int horizonDays, Instant startedAt,
                    Instant finishedAt, Integer customers, String error) {

    public enum RefitStatus { RUNNING, DONE, FAILED }
}
