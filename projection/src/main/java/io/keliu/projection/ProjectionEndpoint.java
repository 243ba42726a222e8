package io.keliu.projection;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /actuator/projection}: GET shows how far each partition is applied; POST rebuilds the projection from the
 * beginning of the change topics ({@link ProjectionReplay}).
 */
@Endpoint(id = "projection")
public class ProjectionEndpoint {
    private final ProjectionState state;
    private final ProjectionReplay replay;

    public ProjectionEndpoint(ProjectionState state, ProjectionReplay replay) {
        this.state = state;
        this.replay = replay;
    }

    public record Position(String topic, int partition, long nextOffset) {
    }

    public record Replay(String status, Instant startedAt) {
    }

    @ReadOperation
    public List<Position> positions() {
        return state.offsets().entrySet().stream()
                .map(e -> new Position(e.getKey().topic(), e.getKey().partition(), e.getValue()))
                .sorted(Comparator.comparing(Position::topic).thenComparingInt(Position::partition))
                .toList();
    }

    @WriteOperation
    public Replay replay() {
        Instant startedAt = Instant.now();
        replay.replay();
        return new Replay("REPLAYING", startedAt);
    }
}
