package io.keliu.ingest.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param pageSize records read per query of an export (keyset pages) */
@ConfigurationProperties("keliu.ingest.export")
public record ExportProperties(Integer pageSize) {
    public ExportProperties {
        pageSize = pageSize == null ? 5_000 : pageSize;
        if (pageSize < 1) {
            throw new IllegalArgumentException("keliu.ingest.export.page-size must be at least 1 (got " + pageSize + ")");
        }
    }
}
