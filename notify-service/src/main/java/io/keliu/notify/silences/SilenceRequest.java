package io.keliu.notify.silences;

import java.time.Instant;
import java.util.Map;

/** @param matchers label (or {@code type}, {@code severity}) to the value it must equal */
public record SilenceRequest(Map<String, String> matchers, Instant startsAt, Instant endsAt, String comment) {
}
