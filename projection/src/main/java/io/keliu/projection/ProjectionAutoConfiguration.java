package io.keliu.projection;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.flywaydb.core.api.Location;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The projection of a service that declares at least one {@link ProjectionHandler} bean: its listener, error
 * handling with the dead-letter topic, its tables (a Flyway location) and the replay endpoint. docs/projections.md.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class, before = FlywayAutoConfiguration.class)
@ConditionalOnBean(ProjectionHandler.class)
@EnableConfigurationProperties(ProjectionProperties.class)
public class ProjectionAutoConfiguration {
    /** Header of a dead letter that says why, in words, beside Spring Kafka's exception headers. */
    public static final String REASON_HEADER = "keliu_dead-letter-reason";
    static final String FLYWAY_LOCATION = "classpath:db/projection";

    @Bean
    FlywayConfigurationCustomizer projectionMigrations() {
        return configuration -> {
            Location[] locations = Arrays.copyOf(configuration.getLocations(), configuration.getLocations().length + 1);
            locations[locations.length - 1] = new Location(FLYWAY_LOCATION);
            configuration.locations(locations);
        };
    }

    @Bean
    ProjectionState projectionState(JdbcClient jdbc, PlatformTransactionManager transactions,
                                    ProjectionProperties properties, Environment environment) {
        String schema = properties.schema() != null ? properties.schema()
                : environment.getRequiredProperty("spring.flyway.default-schema");
        return new ProjectionState(jdbc, transactions, schema);
    }

    @Bean
    ProjectionMetrics projectionMetrics(MeterRegistry registry, List<ProjectionHandler<?>> handlers) {
        return new ProjectionMetrics(registry, handlers.stream().map(h -> h.topic().name()).toArray(String[]::new));
    }

    @Bean
    ProjectionListener projectionListener(List<ProjectionHandler<?>> handlers, ProjectionState state,
                                          PlatformTransactionManager transactions, ProjectionMetrics metrics,
                                          ProjectionProperties properties, ObjectProvider<Clock> clock) {
        return new ProjectionListener(handlers, state, new TransactionTemplate(transactions), metrics,
                properties.dedupeWindow(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    NewTopic projectionDeadLetterTopic(ProjectionProperties properties) {
        return TopicBuilder.name(deadLetterTopic(properties)).partitions(3).build();
    }

    @Bean
    DefaultErrorHandler projectionErrorHandler(KafkaProperties kafka, ProjectionProperties properties,
                                               ProjectionState state, ProjectionMetrics metrics) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer,
                new StringSerializer(), new ByteArraySerializer()));
        String topic = deadLetterTopic(properties);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(topic, -1));
        deadLetters.addHeadersFunction(ProjectionAutoConfiguration::reasonHeader);
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            if (Failures.isTransient(failure)) {
                throw new IllegalStateException("not dead-lettered: the database is unavailable; trying again",
                        failure);
            }
            deadLetters.accept(record, failure);
            // the event is dealt with: move the projection's position past it, as if it had been applied
            state.advance(Map.of(new TopicPartition(record.topic(), record.partition()), record.offset() + 1));
            metrics.deadLettered(record.topic());
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(properties.retryInterval().toMillis(), properties.retries()));
        handler.addNotRetryableExceptions(UnusableEvent.class);
        return handler;
    }

    private static Headers reasonHeader(ConsumerRecord<?, ?> record, Exception failure) {
        return new RecordHeaders().add(REASON_HEADER, Failures.reason(failure).getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> projectionListenerContainerFactory(
            KafkaProperties kafka, ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers,
            DefaultErrorHandler projectionErrorHandler, ProjectionProperties properties) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(consumer,
                new StringDeserializer(), new ByteArrayDeserializer());
        customizers.orderedStream().forEach(customizer -> customizer.customize(consumers));
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.concurrency());
        factory.setCommonErrorHandler(projectionErrorHandler);
        factory.getContainerProperties().setAckMode(AckMode.MANUAL);
        return factory;
    }

    @Bean
    ProjectionReplay projectionReplay(KafkaListenerEndpointRegistry registry, ProjectionListener listener) {
        return new ProjectionReplay(registry, listener);
    }

    @Bean
    ProjectionEndpoint projectionEndpoint(ProjectionState state, ProjectionReplay replay) {
        return new ProjectionEndpoint(state, replay);
    }

    private static String deadLetterTopic(ProjectionProperties properties) {
        if (properties.deadLetterTopic() == null || properties.deadLetterTopic().isBlank()) {
            throw new IllegalStateException("set keliu.projection.dead-letter-topic (e.g. keliu.profile.dead-letter):"
                    + " events the service cannot apply go there");
        }
        return properties.deadLetterTopic();
    }
}
