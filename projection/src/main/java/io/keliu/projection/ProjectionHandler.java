package io.keliu.projection;

import io.keliu.contracts.v1.ChangeEvent;

import java.util.List;

/**
 * What a service writes to keep its tables current from one change topic: a Spring bean; the module consumes the
 * topic, decodes and deduplicates the events and calls the handler inside the database transaction that also records
 * the events as processed. Throwing rolls everything back; an event that fails on its own goes to the dead-letter
 * topic (docs/projections.md).
 */
public interface ProjectionHandler<T> {

    ChangeTopic<T> topic();

    /**
     * Applies events never applied before, in the order of their partitions (one customer's changes in the order
     * they happened), inside the transaction. Use the service's {@code JdbcClient}/{@code DataSource}: it takes part
     * in the transaction.
     */
    void apply(List<ChangeEvent<T>> events);

    /** Empties what this handler built, before a replay from the beginning; inside the replay's transaction. */
    void reset();
}
