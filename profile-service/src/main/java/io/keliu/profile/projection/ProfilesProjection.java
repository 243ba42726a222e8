package io.keliu.profile.projection;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.UserProfile;
import io.keliu.profile.customers.CustomerStore;
import io.keliu.projection.ChangeTopic;
import io.keliu.projection.ProjectionHandler;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Creates customers from profiles and keeps their seed-001 fields; the newest version of a profile wins. */
@Component
class ProfilesProjection implements ProjectionHandler<UserProfile> {
    private final CustomerStore store;

    ProfilesProjection(CustomerStore store) {
        this.store = store;
    }

    @Override
    public ChangeTopic<UserProfile> topic() {
        return ChangeTopic.PROFILES;
    }

    @Override
    public void apply(List<ChangeEvent<UserProfile>> events) {
        Map<String, UserProfile> newest = new LinkedHashMap<>();
        for (ChangeEvent<UserProfile> event : events) {
            if (event.after() != null) {
                newest.put(event.after().userId(), event.after());
            }
        }
        store.upsertProfiles(newest.values());
    }

    /** Customers are shared with the order projection: both are emptied together. */
    @Override
    public void reset() {
        store.truncateAll();
    }
}
