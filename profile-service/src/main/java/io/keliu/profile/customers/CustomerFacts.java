package io.keliu.profile.customers;

import io.keliu.profile.ProfileProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Recomputes the facts and lifecycle stage of customers from their lines, inside the caller's transaction. */
@Component
public class CustomerFacts {
    private final CustomerStore store;
    private final FactsCalculator calculator;
    private final Lifecycles lifecycles;
    private final Clock clock;
    private final ProfileProperties properties;

    public CustomerFacts(CustomerStore store, Lifecycles lifecycles, Clock clock, ProfileProperties properties) {
        this.store = store;
        this.calculator = new FactsCalculator(properties.zone());
        this.lifecycles = lifecycles;
        this.clock = clock;
        this.properties = properties;
    }

    /** Recomputes the facts of the users from their lines (all of each user's lines; a user without any has none). */
    public void refresh(Collection<String> users, Map<String, ? extends Map<?, StoredLine>> lines) {
        if (users.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Map<String, Facts> facts = new HashMap<>();
        Map<String, LifecycleStage> stages = new HashMap<>();
        for (String user : users) {
            Map<?, StoredLine> own = lines.get(user);
            Facts f = calculator.of(user, own == null ? List.of() : List.copyOf(own.values()));
            facts.put(user, f);
            stages.put(user, lifecycles.stage(f, today));
        }
        store.writeFacts(facts, stages);
    }

    public FactsCalculator calculator() {
        return calculator;
    }
}
