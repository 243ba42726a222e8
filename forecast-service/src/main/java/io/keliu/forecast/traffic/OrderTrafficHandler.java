package io.keliu.forecast.traffic;

import io.keliu.contracts.v1.ChangeEvent;
import io.keliu.contracts.v1.OrderLine;
import io.keliu.projection.ChangeTopic;
import io.keliu.projection.ProjectionHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** Feeds keliu.orders.v1 to the traffic projection (consumed, deduplicated and committed by the projection module). */
@Component
class OrderTrafficHandler implements ProjectionHandler<OrderLine> {
    private final TrafficProjection projection;
    private final JdbcTemplate jdbc;

    OrderTrafficHandler(TrafficProjection projection, JdbcTemplate jdbc) {
        this.projection = projection;
        this.jdbc = jdbc;
    }

    @Override
    public ChangeTopic<OrderLine> topic() {
        return ChangeTopic.ORDERS;
    }

    @Override
    public void apply(List<ChangeEvent<OrderLine>> events) {
        projection.apply(events);
    }

    @Override
    public void reset() {
        jdbc.execute("TRUNCATE forecast.order_lines, forecast.traffic, forecast.traffic_customers");
    }
}
