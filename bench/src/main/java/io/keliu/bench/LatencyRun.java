package io.keliu.bench;

import io.keliu.contracts.v1.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Latency of ingest at a steady rate: raw order lines sent on a fixed schedule, each timed from just before its send
 * to the arrival of its change event on keliu.orders.v1 at a consumer of our own (one clock, this JVM's).
 */
final class LatencyRun {
    private static final byte[] KEY_FIELD = "\"key\":\"".getBytes(StandardCharsets.UTF_8);

    private final String bootstrap;
    private final String run;
    private int round;

    LatencyRun(String bootstrap, String run) {
        this.bootstrap = bootstrap;
        this.run = run;
    }

    /** Sends one warm-up line and waits until ingest has committed it: the service is up and owns the partitions. */
    void awaitIngestReady(LongSupplier committedLines) throws InterruptedException {
        SyntheticOrders warmUp = new SyntheticOrders(run + "W");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, warmUp.orderId(0),
                    warmUp.json(0).getBytes(StandardCharsets.UTF_8)));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (committedLines.getAsLong() < 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ingest did not consume within 3 minutes");
            }
            Thread.sleep(200);
        }
    }

    /** One markdown table row: lines sent at {@code rate} for {@code seconds}, and their latency percentiles. */
    String measure(int rate, int seconds) throws InterruptedException {
        SyntheticOrders orders = new SyntheticOrders(run + "L" + (round++) + "-");
        long lines = (long) rate * seconds;
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> latency = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> events = changeEventsFromNow(bootstrap)) {
            Thread receiver = Thread.ofPlatform().start(() -> receive(events, sentAt, latency, lines));
            try (KafkaProducer<String, byte[]> producer = producer()) {
                long started = System.nanoTime();
                for (long line = 0; line < lines; line++) {
                    long due = started + line * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    sentAt.putIfAbsent(orders.eventKey(line), System.nanoTime());
                    producer.send(new ProducerRecord<>(Topics.RAW_ORDERS, orders.orderId(line),
                            orders.json(line).getBytes(StandardCharsets.UTF_8)));
                }
            }
            receiver.join(TimeUnit.SECONDS.toMillis(60));
            receiver.interrupt();
            receiver.join();
        }
        long[] millis = latency.values().stream().mapToLong(nanos -> nanos / 1_000_000).sorted().toArray();
        return String.format("| %,d | %,d | %d | %d | %d | %d | %,d |", rate, lines, seconds,
                percentile(millis, 0.50), percentile(millis, 0.99), millis.length == 0 ? -1 : millis[millis.length - 1],
                sentAt.size() - millis.length);
    }

    private void receive(KafkaConsumer<String, byte[]> events, Map<String, Long> sentAt, Map<String, Long> latency,
                         long lines) {
        try {
            while (latency.size() < lines && !Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> event : events.poll(Duration.ofMillis(50))) {
                    long arrived = System.nanoTime();
                    Long sent = sentAt.get(eventKey(event.value()));
                    if (sent != null) {
                        latency.putIfAbsent(eventKey(event.value()), arrived - sent);
                    }
                }
            }
        } catch (InterruptException gaveUp) {
            // the wait after the last send is over: what has not arrived counts as missing
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** The event's "key" read straight off its JSON (it is the third field; keys here need no escaping). */
    static String eventKey(byte[] event) {
        for (int i = 0; i + KEY_FIELD.length < event.length; i++) {
            if (Arrays.equals(event, i, i + KEY_FIELD.length, KEY_FIELD, 0, KEY_FIELD.length)) {
                int start = i + KEY_FIELD.length;
                int end = start;
                while (event[end] != '"') {
                    end++;
                }
                return new String(event, start, end - start, StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private KafkaProducer<String, byte[]> producer() {
        return producer(bootstrap);
    }

    /** A producer of raw order lines as the benchmarks send them. */
    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(IngestBenchmark.producerSettings(bootstrap), new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Assigned every partition of the change topic at its end, so that it sees only what arrives from now on. */
    static KafkaConsumer<String, byte[]> changeEventsFromNow(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ORDERS).stream()
                .map(p -> new TopicPartition(Topics.ORDERS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }
}
