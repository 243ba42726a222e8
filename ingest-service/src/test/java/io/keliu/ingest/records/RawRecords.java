package io.keliu.ingest.records;

import io.keliu.contracts.v1.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

/** Builds raw records from field maps for the normalizer tests. */
public final class RawRecords {
    public static final Timestamps SHANGHAI = new Timestamps(ZoneId.of("Asia/Shanghai"));
    public static final Clock NOW = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    private RawRecords() {
    }

    public static RawRecord of(FieldSet fields, Map<String, String> values) {
        String[] array = new String[fields.size()];
        values.forEach((name, value) -> array[fields.require(name)] = value);
        return new RawRecord(array, "test", 2, values::toString);
    }
}
