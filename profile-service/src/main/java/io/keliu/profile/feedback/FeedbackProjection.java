package io.keliu.profile.feedback;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.Feedback;
import io.keliu.projection.ChangeTopic;
import io.keliu.projection.ProjectionHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps the newest version of every customer service case (a case's events arrive in order, the last wins). */
@Component
class FeedbackProjection implements ProjectionHandler<Feedback> {
    private final FeedbackStore store;

    FeedbackProjection(FeedbackStore store) {
        this.store = store;
    }

    @Override
    public ChangeTopic<Feedback> topic() {
        return ChangeTopic.FEEDBACK;
    }

    @Override
    public void apply(List<ChangeEvent<Feedback>> events) {
        Map<String, Feedback> newest = new LinkedHashMap<>();
        for (ChangeEvent<Feedback> event : events) {
            newest.put(event.after().feedbackId(), event.after());
        }
        store.upsert(newest.values());
    }

    @Override
    public void reset() {
        store.truncate();
    }
}
