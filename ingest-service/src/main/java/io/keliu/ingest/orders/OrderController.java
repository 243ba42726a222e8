package io.keliu.ingest.orders;

import io.keliu.contracts.v1.Order;
import io.keliu.contracts.v1.OrderLine;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/** {@code GET /api/v1/ingest/orders/{orderId}}: an order as the system of record holds it, with all its lines. */
@RestController
class OrderController {
    private final JdbcClient jdbc;
    private final OrderLineTable table = new OrderLineTable();

    OrderController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/ingest/orders/{orderId}")
    Order order(@PathVariable String orderId) {
        List<OrderLine> lines = jdbc.sql("SELECT " + String.join(", ", table.columns())
                        + " FROM ingest.order_lines WHERE order_id = ? ORDER BY line_key")
                .param(orderId).query((row, n) -> table.read(row, 1)).list();
        if (lines.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + orderId);
        }
        OrderLine newest = lines.stream().max(table.versionOrder()).orElseThrow();
        return Order.of(orderId, newest.userId(), lines);
    }
}
