package io.keliu.ingest.imports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize      records per database transaction
 * @param maxRecordBytes the longest line (or quoted multi-line record) an import reads; longer ones are rejected
 * @param maxErrors      how many faults the summary lists; the rest are counted
 * @param writers        how many batches of one import are written at once
 */
@ConfigurationProperties("keliu.ingest.imports")
public record ImportProperties(Integer batchSize, Integer maxRecordBytes, Integer maxErrors, Integer writers) {
    public ImportProperties {
        batchSize = batchSize == null ? 5_000 : batchSize;
        maxRecordBytes = maxRecordBytes == null ? 1 << 20 : maxRecordBytes;
        maxErrors = maxErrors == null ? 1_000 : maxErrors;
        writers = writers == null ? 2 : writers;
        if (batchSize < 1 || writers < 1) {
            throw new IllegalArgumentException("keliu.ingest.imports: batch-size and writers must be at least 1 (got "
                    + batchSize + ", " + writers + ")");
        }
    }
}
