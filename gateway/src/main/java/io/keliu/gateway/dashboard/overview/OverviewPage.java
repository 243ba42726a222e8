package io.keliu.gateway.dashboard.overview;

import io.keliu.gateway.ServicesHealth;
import io.keliu.gateway.dashboard.PlatformZone;
import io.keliu.gateway.dashboard.Views;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /overview} (系统概览): key figures with 环比 and 同比, live orders, the latest alerts and the platform's health.
 * The health panel is a server-rendered partial (htmx); the rest is drawn by {@code static/dashboard/overview.js}.
 */
@Controller
class OverviewPage {
    /** However many dashboards are open, the services are probed at most this often. */
    private static final Duration HEALTH_REUSE = Duration.ofSeconds(5);
    private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ServicesHealth health;
    private final PlatformZone zone;
    private final Clock clock;
    private List<ServiceState> lastStates = List.of();
    private Instant probedAt = Instant.MIN;

    OverviewPage(ServicesHealth health, PlatformZone zone, Clock clock) {
        this.health = health;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * @param state  UP, DOWN or UNREACHABLE
     * @param status the HTTP status a DOWN service answered its health check with
     */
    record ServiceState(String name, String state, String status) {
        static ServiceState of(String name, String probe) {
            if (probe.equals("UP")) {
                return new ServiceState(name, "UP", null);
            }
            Matcher status = HTTP_STATUS.matcher(probe);
            return status.find() ? new ServiceState(name, "DOWN", status.group(1))
                    : new ServiceState(name, "UNREACHABLE", null);
        }
    }

    @GetMapping("/overview")
    String overview(Model model) {
        return Views.page(model, "overview");
    }

    /** The health partial: the gateway and each service behind it, and when they were checked. */
    @GetMapping("/overview/health")
    String health(Model model) {
        model.addAttribute("services", states());
        model.addAttribute("checkedAt", CLOCK.format(probedAt.atZone(zone.zone())));
        return "dashboard/overview :: health";
    }

    private synchronized List<ServiceState> states() {
        Instant now = clock.instant();
        if (lastStates.isEmpty() || now.isAfter(probedAt.plus(HEALTH_REUSE))) {
            lastStates = health.statuses().entrySet().stream()
                    .map(service -> ServiceState.of(service.getKey(), service.getValue())).toList();
            probedAt = now;
        }
        return lastStates;
    }
}
