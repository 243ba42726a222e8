package io.keliu.ingest.imports;

import org.springframework.http.MediaType;

/** CSV with a header, or NDJSON (one JSON object per line) with the same field names. */
enum ImportFormat {
    CSV, NDJSON;

    static ImportFormat of(MediaType contentType, String format) {
        if (format != null) {
            return valueOf(format.toUpperCase(java.util.Locale.ROOT));
        }
        if (contentType != null && (contentType.getSubtype().contains("ndjson")
                || contentType.getSubtype().contains("jsonl") || contentType.getSubtype().equals("json"))) {
            return NDJSON;
        }
        return CSV;
    }
}
