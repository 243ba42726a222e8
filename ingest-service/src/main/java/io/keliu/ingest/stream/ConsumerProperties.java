package io.keliu.ingest.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param enabled   whether the raw topics are consumed (off for an instance that only serves imports)
 * @param batchSize the most records written in one transaction; larger batches amortize the upsert, smaller ones
 *                  keep less in memory (the garbage collector copies what a batch holds while it waits)
 * @param queue     how many decoded batches may wait for the database writers before polling pauses
 * @param writers   how many batches are written at once, each on its own connection: while one waits for the
 *                  database, another publishes its events
 * @param maxWait   the longest a record waits for its batch to fill before the batch is written anyway: bounds the
 *                  delay from a raw record to its change event at low rates
 */
@ConfigurationProperties("keliu.ingest.consumer")
public record ConsumerProperties(Boolean enabled, Integer batchSize, Integer queue, Integer writers,
                                 Duration maxWait) {
    public ConsumerProperties {
        maxWait = maxWait == null ? Duration.ofMillis(100) : maxWait;
        enabled = enabled == null || enabled;
        batchSize = batchSize == null ? 5_000 : batchSize;
        queue = queue == null ? 1 : queue;
        writers = writers == null ? 2 : writers;
        if (batchSize < 1 || queue < 1 || writers < 1) {
            throw new IllegalArgumentException("keliu.ingest.consumer: batch-size, queue and writers must be at least 1"
                    + " (got " + batchSize + ", " + queue + ", " + writers + ")");
        }
    }
}
