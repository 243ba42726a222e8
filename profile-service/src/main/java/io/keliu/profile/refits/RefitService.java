package io.keliu.profile.refits;

import io.keliu.analytics.churn.ServiceCase;
import io.keliu.analytics.customers.Purchase;
import io.keliu.profile.ProfileProperties;
import io.keliu.profile.alerts.RefitAlerts;
import io.keliu.profile.customers.LifecycleRefresh;
import io.keliu.profile.customers.Lifecycles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StopWatch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Runs refits one at a time, in the background: scheduled ({@code keliu.refit.cron}) and on demand. The results are
 * written beside the current ones and swapped in with one committed update, so reads never wait for a refit and
 * never see half of one; a failed refit leaves the previous results in place.
 */
@Service
public class RefitService implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RefitService.class);

    private final RefitStore store;
    private final ProfileProperties properties;
    private final TransactionTemplate transactions;
    private final Lifecycles lifecycles;
    private final LifecycleRefresh lifecycleRefresh;
    private final RefitAlerts alerts;
    private final Clock clock;
    private final Timer duration;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("refit")
            .daemon(true).factory());

    public RefitService(RefitStore store, ProfileProperties properties, TransactionTemplate transactions,
                        Lifecycles lifecycles, LifecycleRefresh lifecycleRefresh, RefitAlerts alerts, Clock clock,
                        MeterRegistry meters) {
        this.store = store;
        this.properties = properties;
        this.transactions = transactions;
        this.lifecycles = lifecycles;
        this.lifecycleRefresh = lifecycleRefresh;
        this.alerts = alerts;
        this.clock = clock;
        this.duration = Timer.builder("keliu.profile.refit.duration").description("time of a refit, by outcome")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        store.abandonRunning(clock.instant());
        store.currentModel().map(model -> model.get("populationGapDays"))
                .ifPresent(gap -> lifecycles.populationGap(((Number) gap).doubleValue()));
    }

    @Scheduled(cron = "${keliu.refit.cron:0 0 2 * * *}", zone = "${keliu.zone:Asia/Shanghai}")
    void nightly() {
        try {
            start(today(), properties.refit().horizonDays());
        } catch (RefitRunning e) {
            log.info("Nightly refit skipped: {}", e.getMessage());
        }
    }

    /**
     * Until the first refit has succeeded, one is tried every {@code keliu.refit.first-refit-every} (default a minute),
     * so that a new platform shows values, segments and churn risks soon after its first orders, not the next night.
     */
    @Scheduled(fixedDelayString = "${keliu.refit.first-refit-every:PT1M}",
            initialDelayString = "${keliu.refit.first-refit-every:PT1M}")
    void untilTheFirstRefit() {
        if (store.current().isEmpty() && store.running().isEmpty()) {
            nightly();
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Thrown when a refit is asked for while one runs. */
    public static class RefitRunning extends RuntimeException {
        RefitRunning(UUID running) {
            super("refit " + running + " is still running; wait for it to finish (GET /api/v1/refits/" + running + ")");
        }
    }

    public synchronized UUID start(LocalDate calibrationEnd, int horizonDays) {
        Optional<UUID> running = store.running();
        if (running.isPresent()) {
            throw new RefitRunning(running.get());
        }
        UUID id = UUID.randomUUID();
        store.started(id, calibrationEnd, horizonDays, clock.instant());
        worker.execute(() -> run(id, calibrationEnd, horizonDays));
        return id;
    }

    public Optional<Refit> find(UUID id) {
        return store.find(id);
    }

    private void run(UUID id, LocalDate calibrationEnd, int horizonDays) {
        Timer.Sample sample = Timer.start();
        StopWatch phases = new StopWatch("refit " + id);
        try {
            Optional<UUID> previous = store.current();
            phases.start("read");
            List<Purchase> purchases = store.purchases(properties.zone());
            List<ServiceCase> cases = store.serviceCases(properties.zone());
            phases.stop();
            phases.start("models");
            RefitRunner.Outcome outcome = new RefitRunner(properties).run(purchases, cases, calibrationEnd,
                    horizonDays, previous.map(store::segments).orElse(List.of()));
            phases.stop();
            phases.start("write");
            store.writeResults(id, outcome.scores(), outcome.segments());
            transactions.executeWithoutResult(status -> store.swapIn(id, outcome.scores().size(), outcome.model(),
                    clock.instant()));
            phases.stop();
            phases.start("stages and alerts");
            Object gap = outcome.model().get("populationGapDays");
            if (gap != null) {
                lifecycles.populationGap(((Number) gap).doubleValue());
            }
            lifecycleRefresh.refreshAll(today());
            previous.ifPresent(before -> alerts.compare(before, id));
            store.forgetAllBut(id);
            phases.stop();
            sample.stop(duration);
            log.info("Refit {} done: {} customers; {}", id, outcome.scores().size(), timings(phases));
        } catch (RefitFailure e) {
            store.failed(id, e.getMessage(), clock.instant());
            store.discard(id);
            log.warn("Refit {} failed: {}", id, e.getMessage());
        } catch (RuntimeException e) {
            store.failed(id, "the refit broke off: " + e.getMessage(), clock.instant());
            store.discard(id);
            log.error("Refit {} failed", id, e);
        }
    }

    /** The phases' wall times, e.g. "read 8.1 s, models 30.2 s, ...": where a slow refit spends its time. */
    private static String timings(StopWatch phases) {
        return Arrays.stream(phases.getTaskInfo())
                .map(task -> String.format(Locale.ROOT, "%s %.1f s", task.getTaskName(), task.getTimeSeconds()))
                .collect(Collectors.joining(", "));
    }

    public Map<String, Object> currentModel() {
        return store.currentModel().orElse(null);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
