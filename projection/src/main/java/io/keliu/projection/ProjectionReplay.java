package io.keliu.projection;

import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Rebuilds the projection from the beginning of the change topics in one step: stops the consumers, empties the
 * handlers' tables and the projection's positions in one transaction, and starts the consumers again, which then
 * find no position and read each partition from its first offset.
 */
public final class ProjectionReplay {
    private final KafkaListenerEndpointRegistry registry;
    private final ProjectionListener listener;

    public ProjectionReplay(KafkaListenerEndpointRegistry registry, ProjectionListener listener) {
        this.registry = registry;
        this.listener = listener;
    }

    public synchronized void replay() {
        MessageListenerContainer consumers = registry.getListenerContainer(ProjectionListener.ID);
        if (consumers == null) {
            throw new IllegalStateException("the projection's consumers are not registered");
        }
        consumers.stop();
        try {
            listener.reset();
        } finally {
            consumers.start();
        }
    }
}
