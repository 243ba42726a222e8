package io.keliu.forecast.traffic;

import java.util.List;

/** Published when a batch of order or visit changes was applied: the orders that became traffic with it. */
public record TrafficChanged(List<OrderTraffic> entered) {
}
