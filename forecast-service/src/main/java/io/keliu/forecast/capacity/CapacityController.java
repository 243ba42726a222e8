package io.keliu.forecast.capacity;

import io.keliu.forecast.api.BadParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Daily capacity per region: {@code {"total": 5000, "广东省": 1200}} (orders a day that can be served). Forecast days
 * whose upper bound exceeds it are reported by {@code /api/v1/traffic/peaks}.
 */
@RestController
@RequestMapping("/api/v1/capacity")
public class CapacityController {
    private final CapacityStore store;

    CapacityController(CapacityStore store) {
        this.store = store;
    }

    @GetMapping
    public Map<String, Integer> capacity() {
        return store.all();
    }

    @PutMapping
    public Map<String, Integer> replace(@RequestBody Map<String, Integer> capacity) {
        capacity.forEach((region, orders) -> {
            if (region == null || region.isBlank()) {
                throw new BadParameter("region", "a region name is empty; use \"total\" or a province, e.g. 广东省");
            }
            if (orders == null || orders <= 0) {
                throw new BadParameter(region, "capacity must be a whole number of orders a day above 0, got " + orders);
            }
        });
        store.replace(capacity);
        return store.all();
    }
}
