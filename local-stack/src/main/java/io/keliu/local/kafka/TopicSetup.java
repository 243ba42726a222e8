package io.keliu.local.kafka;

import io.keliu.contracts.v1.Topics;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the platform's topics, keeping those that exist: safe on every start. Change topics are kept without time
 * limit, so that a service with an empty schema rebuilds its projection from them (docs/projections.md); a change topic
 * made by an older version of this class gets that setting on the next start.
 */
public final class TopicSetup {
    public static final int PARTITIONS = 3;
    public static final List<String> CHANGE_TOPICS = List.of(Topics.ORDERS, Topics.PROFILES, Topics.LOGS,
            Topics.FEEDBACK);
    public static final List<String> TOPICS = List.of(
            Topics.RAW_ORDERS, Topics.RAW_PROFILES, Topics.RAW_LOGS, Topics.RAW_FEEDBACK,
            Topics.ORDERS, Topics.PROFILES, Topics.LOGS, Topics.FEEDBACK,
            Topics.INGEST_DEAD_LETTER, Topics.ALERTS);
    private static final Map<String, String> KEEP_FOREVER = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    private TopicSetup() {
    }

    public static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"))) {
            CreateTopicsResult result = admin.createTopics(TOPICS.stream()
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1)
                            .configs(CHANGE_TOPICS.contains(name) ? KEEP_FOREVER : Map.of()))
                    .toList());
            for (String topic : TOPICS) {
                awaitCreated(result, topic);
            }
            keepChangeTopicsForever(admin);
        }
    }

    private static void keepChangeTopicsForever(Admin admin) {
        AlterConfigOp keep = new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"),
                AlterConfigOp.OpType.SET);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        CHANGE_TOPICS.forEach(topic -> changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(keep)));
        try {
            admin.incrementalAlterConfigs(changes).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not keep the change topics without time limit: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while configuring the change topics", e);
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
