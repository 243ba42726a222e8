package io.keliu.profile.customers;

import io.keliu.profile.ProfileProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Recomputes the facts and lifecycle stage of customers from their stored lines, inside the caller's transaction. */
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

    public void refresh(Collection<String> users) {
        if (users.isEmpty()) {
            return;
        }
        Map<String, List<StoredLine>> lines = store.linesOf(users);
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Map<String, Facts> facts = new HashMap<>();
        Map<String, LifecycleStage> stages = new HashMap<>();
        for (String user : users) {
            Facts f = calculator.of(user, lines.getOrDefault(user, List.of()));
            facts.put(user, f);
            stages.put(user, lifecycles.stage(f, today));
        }
        store.writeFacts(facts, stages);
    }

    public FactsCalculator calculator() {
        return calculator;
    }
}
