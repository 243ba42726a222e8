package io.keliu.forecast.anomalies;

import io.keliu.contracts.v1.Alert;
import io.keliu.contracts.v1.AlertStatus;
import io.keliu.contracts.v1.Topics;
import io.keliu.forecast.forecasts.Forecaster;
import io.keliu.forecast.support.DailyTraffic;
import io.keliu.testsupport.KeliuIntegrationTest;
import io.keliu.testsupport.TopicReaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.ObjectMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@KeliuIntegrationTest
class AnomalyAlertTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int DAILY = 240;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Forecaster forecaster;
    @Autowired
    AnomalyChecker checker;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    ObjectMapper json;

    @Test
    void anHourFarAboveItsForecastFiresAndResolvesWhenBackInside() {
        LocalDate yesterday = forecaster.lastCompleteDay();
        DailyTraffic.insert(jdbc, ZONE, "TOTAL", "", yesterday.minusDays(199), yesterday, day -> DAILY);
        DailyTraffic.insert(jdbc, ZONE, "PROVINCE", "西藏自治区", yesterday.minusDays(9), yesterday, day -> 24);
        for (LocalDate day = yesterday.minusDays(27); !day.isAfter(yesterday); day = day.plusDays(1)) {
            for (int hour = 0; hour < 24; hour++) {
                hourBucket("TOTAL", "", day.atStartOfDay(ZONE).plusHours(hour), DAILY / 24);
            }
        }
        ZonedDateTime ten = yesterday.plusDays(1).atStartOfDay(ZONE).plusHours(10);
        hourBucket("TOTAL", "", ten, 200);
        hourBucket("PROVINCE", "西藏自治区", ten, 500);

        List<Alert> fired = checker.check(ten.toInstant());
        assertThat(fired).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(alert.dedupeKey()).isEqualTo("traffic.anomaly/total/" + ten.toLocalDate() + "T10");
            assertThat(alert.values().get("observed")).isEqualTo(200.0);
            assertThat(alert.values().get("upper")).isLessThan(200.0);
            assertThat(alert.summary().en()).contains("unusually high");
        });
        assertThat(checker.check(ten.toInstant())).as("still firing, same severity: nothing new").isEmpty();

        ZonedDateTime eleven = ten.plusHours(1);
        hourBucket("TOTAL", "", eleven, DAILY / 24);
        List<Alert> resolved = checker.check(eleven.toInstant());
        assertThat(resolved).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
            assertThat(alert.dedupeKey()).isEqualTo(fired.getFirst().dedupeKey());
            assertThat(alert.endsAt()).isEqualTo(eleven.toInstant());
        });

        List<Alert> onTopic = alertsOnTopic(2);
        assertThat(onTopic).extracting(Alert::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
        assertThat(onTopic).extracting(Alert::dedupeKey).containsOnly(fired.getFirst().dedupeKey());
    }

    private void hourBucket(String dimension, String member, ZonedDateTime start, long orders) {
        jdbc.update("""
                INSERT INTO forecast.traffic (granularity, dimension, member, bucket_start, orders, lines, customers,
                                              anonymous_orders, revenue)
                VALUES ('HOUR', ?, ?, ?, ?, ?, 0, 0, 0)
                ON CONFLICT (granularity, dimension, bucket_start, member) DO UPDATE SET orders = excluded.orders""",
                dimension, member, Timestamp.from(start.toInstant()), orders, orders);
    }

    private List<Alert> alertsOnTopic(int expected) {
        List<Alert> alerts = new ArrayList<>();
        try (Consumer<String, byte[]> consumer = TopicReaders.fromEarliest(broker, "alert-test", Topics.ALERTS)) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (alerts.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    alerts.add(json.readValue(record.value(), Alert.class));
                }
            }
        }
        return alerts;
    }
}
