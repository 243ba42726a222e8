package io.keliu.ingest.orders;

import io.keliu.contracts.v1.OrderLine;
import io.keliu.contracts.v1.Topics;
import io.keliu.ingest.pipeline.IngestKind;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.ingest.store.UpsertStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class OrdersIngest {

    /** Change events are keyed by customer so that one consumer instance sees all of a customer's changes. */
    @Bean
    IngestKind<OrderLine> ordersKind(Timestamps timestamps, Clock clock) {
        return new IngestKind<>("orders", OrderFields.FIELDS, new OrderLineNormalizer(timestamps, clock),
                new UpsertStore<>(new OrderLineTable()), Topics.RAW_ORDERS, Topics.ORDERS,
                line -> line.orderId() + "/" + line.lineKey(),
                line -> line.userId() != null ? line.userId() : line.orderId(), OrderLineKeys::new);
    }
}
