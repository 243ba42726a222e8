package io.keliu.testsupport;

import io.keliu.contracts.v1.Topics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service test against real parts: its own database on an embedded PostgreSQL server and an in-process Kafka broker
 * (KRaft) with every platform topic, on random ports; the service trusts {@link GatewayTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {EmbeddedPostgresInitializer.class, GatewayTokensInitializer.class})
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers", topics = {
        Topics.RAW_ORDERS, Topics.RAW_PROFILES, Topics.RAW_LOGS, Topics.RAW_FEEDBACK, Topics.ORDERS, Topics.PROFILES,
        Topics.LOGS, Topics.FEEDBACK, Topics.INGEST_DEAD_LETTER, Topics.ALERTS})
public @interface KeliuIntegrationTest {
}
