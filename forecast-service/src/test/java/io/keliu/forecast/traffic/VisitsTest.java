package io.keliu.forecast.traffic;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.LogLevel;
import io.keliu.contracts.v1.LogSource;
import io.keliu.contracts.v1.LogType;
import io.keliu.contracts.v1.SystemLog;
import io.keliu.contracts.v1.Topics;
import io.keliu.forecast.support.Api;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Visits from keliu.logs.v1 by the definition of docs/traffic.md, against the visits listed by hand. */
@KeliuIntegrationTest
class VisitsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    JdbcTemplate jdbc;

    /** A visit as the test expects it: when (in Shanghai) and the channel ("" when the log names none). */
    record Expected(LocalDateTime at, String channel) {
    }

    @Test
    void visitsByHourDayAndChannelAndInTheLiveViewEqualTheVisitsListedByHand() throws Exception {
        List<ChangeEvent<SystemLog>> events = new ArrayList<>();
        SystemLog browse = log("V1", LogType.USER_ACTION, "用户 U1 浏览商品 channel=APP", "2026-04-06T09:10:00");
        events.add(created(browse));
        events.add(created(log("V2", LogType.USER_ACTION, "用户 U2 打开App 渠道：微信", "2026-04-06T09:50:00")));
        events.add(created(log("V3", LogType.USER_ACTION, "user U3 page_view /home", "2026-04-06T10:05:00")));
        events.add(created(log("V4", LogType.USER_ACTION, "用户 U4 加入购物车 channel=APP", "2026-04-06T09:20:00")));
        events.add(created(log("V5", LogType.API_REQUEST, "GET /api/v1/products 200 12ms", "2026-04-06T09:30:00")));
        events.add(created(log("V6", LogType.SYSTEM_ERROR, "访问商品页超时 channel=PC", "2026-04-06T09:40:00")));
        events.add(created(log("V7", LogType.USER_ACTION, "visit /sale channel=PC", "2026-04-06T23:59:59")));
        events.add(created(log("V8", LogType.USER_ACTION, "app_open channel=ios", "2026-04-07T00:00:00")));
        events.add(created(log("V9", LogType.USER_ACTION, "用户 U9 浏览商品 channel=planet", "2026-04-07T10:00:00")));
        SystemLog wasVisit = log("V10", LogType.USER_ACTION, "用户 U10 浏览商品 channel=APP", "2026-04-07T11:00:00");
        events.add(created(wasVisit));
        events.add(updated(wasVisit, log("V10", LogType.USER_ACTION, "用户 U10 加入购物车 channel=APP",
                "2026-04-07T11:00:00")));
        SystemLog moved = log("V11", LogType.USER_ACTION, "用户 U11 浏览 channel=PC", "2026-04-06T10:30:00");
        events.add(created(moved));
        events.add(updated(moved, log("V11", LogType.USER_ACTION, "用户 U11 浏览 channel=APP", "2026-04-07T12:00:00")));
        Instant now = Instant.now().minusSeconds(1);
        events.add(created(new SystemLog("V12", LogType.USER_ACTION, LogLevel.INFO, "用户 U12 浏览商品 channel=APP", now,
                LogSource.CLIENT)));
        events.add(created(new SystemLog("V13", LogType.USER_ACTION, LogLevel.INFO, "用户 U13 浏览商品", now,
                LogSource.CLIENT)));
        List<Expected> visits = List.of(new Expected(at("2026-04-06T09:10:00"), "APP"),
                new Expected(at("2026-04-06T09:50:00"), "WECHAT"), new Expected(at("2026-04-06T10:05:00"), ""),
                new Expected(at("2026-04-06T23:59:59"), "PC"), new Expected(at("2026-04-07T00:00:00"), "APP"),
                new Expected(at("2026-04-07T10:00:00"), ""), new Expected(at("2026-04-07T12:00:00"), "APP"));

        send(events);
        send(List.of(events.getFirst(), events.get(1))); // redelivered: the same eventIds again

        JsonNode hours = api().get("/api/v1/traffic?from=2026-04-06&to=2026-04-07&granularity=hour");
        Map<LocalDateTime, Long> byHour = new TreeMap<>();
        visits.forEach(visit -> byHour.merge(visit.at().truncatedTo(ChronoUnit.HOURS), 1L, Long::sum));
        JsonNode hourPoints = hours.at("/series/0/points");
        assertThat(hourPoints).hasSize(48);
        for (JsonNode point : hourPoints) {
            LocalDateTime hour = OffsetDateTime.parse(point.get("start").asString()).atZoneSameInstant(SHANGHAI)
                    .toLocalDateTime();
            assertThat(point.get("visits").asLong()).as(hour.toString()).isEqualTo(byHour.getOrDefault(hour, 0L));
        }

        JsonNode byChannel = api().get("/api/v1/traffic?from=2026-04-06&to=2026-04-07&groupBy=channel&compare=previous");
        Map<String, long[]> expectedDays = new TreeMap<>();
        visits.forEach(visit -> expectedDays.computeIfAbsent(visit.channel(), any -> new long[2])
                [visit.at().getDayOfMonth() - 6]++);
        Map<String, long[]> answeredDays = new TreeMap<>();
        for (JsonNode series : byChannel.get("series")) {
            JsonNode points = series.get("points");
            answeredDays.put(series.get("group").asString(), new long[]{points.get(0).get("visits").asLong(),
                    points.get(1).get("visits").asLong()});
            assertThat(points.get(0).at("/compare/visits").asLong()).isZero();
        }
        assertThat(answeredDays).containsOnlyKeys(expectedDays.keySet());
        expectedDays.forEach((channel, days) -> assertThat(answeredDays.get(channel)).as(channel).isEqualTo(days));

        JsonNode byProvince = api().get("/api/v1/traffic?from=2026-04-06&to=2026-04-07&groupBy=province");
        byProvince.get("series").forEach(series -> assertThat(series.at("/points/0/visits").isNull()).isTrue());

        JsonNode live = api().get("/api/v1/traffic/live?minutes=5");
        assertThat(live.get("visits").asLong()).isEqualTo(2);
        assertThat(live.get("visitsByChannel").get("APP").asLong()).isEqualTo(1);
        assertThat(live.get("visitsByChannel").get("").asLong()).isEqualTo(1);
        assertThat(live.get("minutes").valueStream().mapToLong(minute -> minute.get("visits").asLong()).sum())
                .isEqualTo(2);
    }

    private void send(List<ChangeEvent<SystemLog>> events) throws Exception {
        try (Producer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer())) {
            for (ChangeEvent<SystemLog> event : events) {
                producer.send(new ProducerRecord<>(Topics.LOGS, event.key(), json.writeValueAsString(event)));
            }
        }
        String[] ids = events.stream().map(ChangeEvent::eventId).toArray(String[]::new);
        Instant deadline = Instant.now().plusSeconds(60);
        while (jdbc.queryForObject("SELECT count(*) FROM forecast.projection_events WHERE event_id::text = ANY(?)",
                Long.class, (Object) ids) < ids.length) {
            assertThat(Instant.now()).as("the projection applied the logs in time").isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private Api api() {
        return new Api(port, json);
    }

    private static LocalDateTime at(String shanghaiTime) {
        return LocalDateTime.parse(shanghaiTime);
    }

    private static SystemLog log(String id, LogType type, String message, String shanghaiTime) {
        return new SystemLog(id, type, LogLevel.INFO, message, at(shanghaiTime).atZone(SHANGHAI).toInstant(),
                LogSource.CLIENT);
    }

    private static ChangeEvent<SystemLog> created(SystemLog log) {
        return new ChangeEvent<>(UUID.randomUUID().toString(), ChangeEvent.SCHEMA_VERSION, log.logId(), log.loggedAt(),
                null, log);
    }

    private static ChangeEvent<SystemLog> updated(SystemLog before, SystemLog after) {
        return new ChangeEvent<>(UUID.randomUUID().toString(), ChangeEvent.SCHEMA_VERSION, after.logId(),
                after.loggedAt(), before, after);
    }
}
