package io.keliu.ingest.stream;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offsets that may be committed while several writers store batches at once: a batch handed off later can be
 * written sooner, but its offsets are released only once every earlier batch is in the database too, so a commit
 * never skips records that are not.
 */
final class WrittenOffsets {
    private final TreeMap<Long, Map<TopicPartition, OffsetAndMetadata>> done = new TreeMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> releasable = new HashMap<>();
    private long handedOff;
    private long nextToRelease;

    /** Numbers a batch in the order of its records; call in that order. */
    synchronized long handOff() {
        return handedOff++;
    }

    /** Marks the batch numbered {@code sequence} as stored. */
    synchronized void written(long sequence, Map<TopicPartition, OffsetAndMetadata> offsets) {
        done.put(sequence, offsets);
        while (!done.isEmpty() && done.firstKey() == nextToRelease) {
            releasable.putAll(done.pollFirstEntry().getValue());
            nextToRelease++;
        }
    }

    /** The offsets below which everything is in the database, released since the last call. */
    synchronized Map<TopicPartition, OffsetAndMetadata> drain() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(releasable);
        releasable.clear();
        return offsets;
    }
}
