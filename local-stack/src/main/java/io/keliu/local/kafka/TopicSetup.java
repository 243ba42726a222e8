package io.keliu.local.kafka;

import io.keliu.contracts.v1.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the platform's topics, keeping those that exist: safe on every start. */
public final class TopicSetup {
    public static final int PARTITIONS = 3;
    public static final List<String> TOPICS = List.of(
            Topics.RAW_ORDERS, Topics.RAW_PROFILES, Topics.RAW_LOGS,
            Topics.ORDERS, Topics.PROFILES, Topics.LOGS,
            Topics.INGEST_DEAD_LETTER);

    private TopicSetup() {
    }

    public static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"))) {
            CreateTopicsResult result = admin.createTopics(TOPICS.stream()
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .toList());
            for (String topic : TOPICS) {
                awaitCreated(result, topic);
            }
        }
    }

    private static void awaitCreated(CreateTopicsResult result, String topic) {
        try {
            result.values().get(topic).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create topic " + topic + ": " + e.getCause(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("The broker did not create topic " + topic + " within 60 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }
}
