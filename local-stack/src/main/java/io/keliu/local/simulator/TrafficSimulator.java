package io.keliu.local.simulator;

import io.keliu.contracts.v1.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the generated traffic to the raw topics in real time, following the shop's rhythm: the configured rate is
 * the weekly average, so it sends less at 04:00 than at 20:00.
 */
public final class TrafficSimulator implements AutoCloseable {
    /** The shop's local time: raw timestamps without offset are read in Asia/Shanghai. */
    private static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));
    /** Enough past orders to draw daily and weekly curves, few enough to ingest within a minute. */
    private static final int HISTORY_EVENTS_PER_DAY = 2000;
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);

    private final SimulatorSettings settings;
    private final String bootstrapServers;
    private final TrafficRhythm rhythm = new TrafficRhythm();
    private final TrafficGenerator generator;
    private final KafkaProducer<String, String> producer;
    private final Thread thread;
    private volatile boolean running = true;

    private TrafficSimulator(String bootstrapServers, SimulatorSettings settings) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
        this.generator = new TrafficGenerator(settings.seed());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new StringSerializer());
        this.thread = Thread.ofPlatform().name("traffic-simulator").daemon().unstarted(this::run);
    }

    public static TrafficSimulator start(String bootstrapServers, SimulatorSettings settings) {
        TrafficSimulator simulator = new TrafficSimulator(bootstrapServers, settings);
        simulator.thread.start();
        return simulator;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(10));
        producer.close(Duration.ofSeconds(10));
    }

    private void run() {
        try {
            if (settings.historyDays() > 0 && rawOrdersTopicIsEmpty()) {
                sendHistory();
            }
            streamLive();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            LOG.error("The traffic simulator stopped", e);
        }
    }

    /** A fresh platform gets past days first: their event times follow the rhythm and are sent in time order. */
    private void sendHistory() {
        LocalDateTime now = LocalDateTime.now(CLOCK);
        LocalDateTime from = now.minusDays(settings.historyDays());
        // times from their own seeded generator: the same seed gives the same history
        Random timesRandom = new Random(settings.seed());
        List<LocalDateTime> times = new ArrayList<>();
        for (int i = 0; i < settings.historyDays() * HISTORY_EVENTS_PER_DAY; i++) {
            times.add(rhythm.drawTime(timesRandom, from, now));
        }
        times.sort(null);
        times.forEach(time -> send(generator.eventAt(time)));
        producer.flush();
        LOG.info("Sent {} days of history ({} events)", settings.historyDays(), times.size());
    }

    /** Keeps a budget of records owed at the current rhythm and pays it in whole events. */
    private void streamLive() throws InterruptedException {
        double owed = 0;
        long last = System.nanoTime();
        while (running) {
            Thread.sleep(TICK);
            long now = System.nanoTime();
            LocalDateTime localNow = LocalDateTime.now(CLOCK);
            owed += settings.recordsPerSecond() * rhythm.relativeIntensity(localNow) * (now - last) / 1e9;
            last = now;
            while (owed >= 1) {
                List<RawRecord> records = generator.eventAt(localNow);
                send(records);
                owed -= records.size();
            }
        }
    }

    private void send(List<RawRecord> records) {
        for (RawRecord record : records) {
            producer.send(new ProducerRecord<>(record.topic(), record.key(), record.json()), (metadata, failure) -> {
                if (failure != null) {
                    LOG.warn("Could not send a record to {}: {}", record.topic(), failure.toString());
                }
            });
        }
    }

    private boolean rawOrdersTopicIsEmpty() throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            TopicDescription topic = admin.describeTopics(List.of(Topics.RAW_ORDERS)).allTopicNames().get()
                    .get(Topics.RAW_ORDERS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topic.partitions().forEach(p -> latest.put(new TopicPartition(Topics.RAW_ORDERS, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().allMatch(offsets -> offsets.offset() == 0);
        }
    }
}
