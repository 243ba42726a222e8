package io.keliu.ingest.pipeline;

import java.util.HashSet;
import java.util.Set;

/**
 * The order in which batches that are written at once store their rows: the order they were read in. Each batch takes
 * a {@link Turn} when it is handed off; its upsert waits until every earlier batch's upsert is done, and then holds its
 * rows' locks until it commits. So a later batch that shares keys with an earlier one waits for that commit and sees
 * its rows: versions of a key apply in stream or file order (ties go to the later one; a log keeps its first version),
 * while one batch publishes and commits as the next one stores. A batch that fails gives up its turn; its retry stores
 * whenever it can, so after a failure a tie between its version and a later batch's may go either way.
 */
public final class StoreOrder {
    private final Set<Long> releasedAhead = new HashSet<>();
    private long handedOut;
    private long storing;

    /** The next turn, in the order batches are read; take them in that order. */
    public synchronized Turn next() {
        return new Turn(handedOut++);
    }

    /** A turn for a batch written alone: it never waits. */
    public static Turn alone() {
        return new StoreOrder().next();
    }

    private synchronized void awaitTurn(long number) {
        while (storing < number) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestFailure("stopped while waiting for an earlier batch to be stored", e);
            }
        }
    }

    private synchronized void release(long number) {
        releasedAhead.add(number);
        while (releasedAhead.remove(storing)) {
            storing++;
        }
        notifyAll();
    }

    /** One batch's place in the order. */
    public final class Turn {
        private final long number;
        private boolean released;

        private Turn(long number) {
            this.number = number;
        }

        /** Returns once every earlier batch has stored (or given up), at once after {@link #release}. */
        void await() {
            if (!released) {
                awaitTurn(number);
            }
        }

        /** The batch has stored its rows, or failed: later batches may store. */
        void release() {
            if (!released) {
                released = true;
                StoreOrder.this.release(number);
            }
        }
    }
}
