package io.keliu.forecast.live;

import io.keliu.contracts.v1.Channel;
import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.OrderStatus;
import io.keliu.contracts.v1.OrderType;
import io.keliu.contracts.v1.Role;
import io.keliu.contracts.v1.Topics;
import io.keliu.forecast.support.Api;
import io.keliu.testsupport.GatewayTokens;
import io.keliu.testsupport.KeliuIntegrationTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@KeliuIntegrationTest
class LiveStreamTest {
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    EmbeddedKafkaBroker broker;

    record Event(String id, String name, JsonNode data) {
    }

    @Test
    void anOrderReachesTheStreamAndTheLiveMinutesAndAReconnectReplaysWhatWasMissed() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        try {
            long opened = System.nanoTime();
            HttpResponse<java.io.InputStream> headers = client.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/api/v1/traffic/stream"))
                            .header("Authorization", GatewayTokens.bearer(Role.OPS)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(headers.statusCode()).as("the stream opens before any event").isEqualTo(200);
            assertThat(System.nanoTime() - opened).isLessThan(java.util.concurrent.TimeUnit.SECONDS.toNanos(20));
            BlockingQueue<Event> events = listen(client, null);
            Thread.sleep(500);
            send(order("LIVE-1", "广东省", Channel.WECHAT, "25.50"));

            Event ticker = next(events, "order");
            assertThat(ticker.data().get("orderId").asString()).isEqualTo("LIVE-1");
            assertThat(ticker.data().get("province").asString()).isEqualTo("广东省");
            assertThat(ticker.data().get("amount").decimalValue()).isEqualByComparingTo("25.50");
            assertThat(ticker.data().toString()).doesNotContain("user-1");
            Event minute = next(events, "minute");
            assertThat(minute.data().get("orders").asLong()).isEqualTo(1);

            send(order("LIVE-2", "浙江省", Channel.APP, "10.00"));
            Event missed = next(events, "order");
            BlockingQueue<Event> replayed = listen(client, ticker.id());
            assertThat(next(replayed, "order").data().get("orderId").asString()).isEqualTo("LIVE-2");
            assertThat(missed.data().get("orderId").asString()).isEqualTo("LIVE-2");
        } finally {
            client.shutdownNow();
        }

        JsonNode live = new Api(port, json).get("/api/v1/traffic/live?minutes=5");
        assertThat(live.get("minutes")).hasSize(5);
        assertThat(live.get("total").get("orders").asLong()).isEqualTo(2);
        assertThat(live.get("byProvince").get("广东省").get("orders").asLong()).isEqualTo(1);
        assertThat(live.get("byChannel").get("APP").get("revenue").decimalValue()).isEqualByComparingTo("10.00");
        new Api(port, json).problem("/api/v1/traffic/live?minutes=0", 400, "minutes");
    }

    private BlockingQueue<Event> listen(HttpClient client, String lastEventId) {
        BlockingQueue<Event> events = new ArrayBlockingQueue<>(1000);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/traffic/stream")).header("Authorization", GatewayTokens.bearer(Role.OPS));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).thenAccept(response -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                List<String> data = new ArrayList<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.add(line.substring(5));
                    } else if (line.isEmpty() && name != null) {
                        events.add(new Event(id, name, json.readTree(String.join("\n", data))));
                        name = null;
                        data.clear();
                    }
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        return events;
    }

    private static Event next(BlockingQueue<Event> events, String name) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Event event = events.poll(500, TimeUnit.MILLISECONDS);
            if (event != null && event.name().equals(name)) {
                return event;
            }
        }
        throw new AssertionError("no " + name + " event within 30 s");
    }

    private void send(ChangeEvent<OrderLine> event) {
        try (Producer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.ORDERS, "user-1", json.writeValueAsString(event)));
        }
    }

    private static ChangeEvent<OrderLine> order(String orderId, String province, Channel channel, String amount) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        OrderLine line = new OrderLine(orderId, "P1", "user-1", false, now, now, "P1", null, 1, null,
                new BigDecimal(amount), "secret address", province, null, "CN", OrderType.WEB, channel,
                OrderStatus.PAID, false, null, now);
        return new ChangeEvent<>(UUID.randomUUID().toString(), ChangeEvent.SCHEMA_VERSION, orderId + "/P1", now, null,
                line);
    }
}
