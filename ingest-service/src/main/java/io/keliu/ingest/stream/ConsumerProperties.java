package io.keliu.ingest.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled   whether the raw topics are consumed (off for an instance that only serves imports)
 * @param batchSize the most records written in one transaction; larger batches amortize the upsert
 * @param queue     how many decoded batches may wait for the database writer before polling pauses
 */
@ConfigurationProperties("keliu.ingest.consumer")
public record ConsumerProperties(Boolean enabled, Integer batchSize, Integer queue) {
    public ConsumerProperties {
        enabled = enabled == null || enabled;
        batchSize = batchSize == null ? 20_000 : batchSize;
        queue = queue == null ? 1 : queue;
    }
}
