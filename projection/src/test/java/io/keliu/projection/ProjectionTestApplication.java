package io.keliu.projection;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;

/** A service with one projection: net amount and line count per customer from the order topic. */
@SpringBootApplication
class ProjectionTestApplication {
    /** An order with this id makes the handler fail, as a constraint of a real projection would. */
    static final String FAILS_TO_APPLY = "FAILS-TO-APPLY";

    @Bean
    ProjectionHandler<OrderLine> totals(JdbcClient jdbc) {
        return new ProjectionHandler<>() {
            @Override
            public ChangeTopic<OrderLine> topic() {
                return ChangeTopic.ORDERS;
            }

            @Override
            public void apply(List<ChangeEvent<OrderLine>> events) {
                for (ChangeEvent<OrderLine> event : events) {
                    if (event.after() != null && FAILS_TO_APPLY.equals(event.after().orderId())) {
                        throw new IllegalArgumentException("order " + FAILS_TO_APPLY + " breaks the projection");
                    }
                    add(event.before(), -1);
                    add(event.after(), 1);
                }
            }

            private void add(OrderLine line, int sign) {
                if (line == null || line.userId() == null) {
                    return;
                }
                jdbc.sql("""
                                INSERT INTO projtest.totals (user_id, amount, lines) VALUES (?, ?, ?)
                                ON CONFLICT (user_id) DO UPDATE
                                SET amount = totals.amount + excluded.amount, lines = totals.lines + excluded.lines""")
                        .params(line.userId(), line.amount().multiply(BigDecimal.valueOf(sign)), sign)
                        .update();
            }

            @Override
            public void reset() {
                jdbc.sql("TRUNCATE projtest.totals").update();
            }
        };
    }
}
