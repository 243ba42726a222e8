package io.keliu.notify.alerts;

import io.keliu.contracts.v1.Alert;
import io.keliu.notify.delivery.Router;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes a batch of alerts in one transaction: each publication (alert id and status) once, recorded as processed
 * in the same transaction as its effect, so that a redelivered batch changes nothing.
 */
@Service
class AlertIntake {
    private final JdbcClient jdbc;
    private final Router router;

    AlertIntake(JdbcClient jdbc, Router router) {
        this.jdbc = jdbc;
        this.router = router;
    }

    /** @return how many of the alerts were new */
    @Transactional
    int take(List<Alert> alerts) {
        List<Alert> fresh = new ArrayList<>(alerts.size());
        for (Alert alert : alerts) {
            int inserted = jdbc.sql("insert into processed_alerts (alert_id, status) values (?, ?) on conflict do nothing")
                    .params(alert.alertId(), alert.status().name()).update();
            if (inserted > 0) {
                fresh.add(alert);
            }
        }
        router.accept(fresh);
        return fresh.size();
    }

    /** Forgets publications processed before the retention window (Kafka no longer holds them). */
    @Transactional
    int prune(java.time.Instant before) {
        return jdbc.sql("delete from processed_alerts where processed_at < ?")
                .param(java.sql.Timestamp.from(before)).update();
    }
}
