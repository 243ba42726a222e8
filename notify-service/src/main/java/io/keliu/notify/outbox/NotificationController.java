package io.keliu.notify.outbox;

import io.keliu.notify.channels.ChannelKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications", description = "The delivery log: every notification, its attempts and the providers' answers")
public class NotificationController {
    private final Notifications notifications;

    public NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "Notifications, newest first, with their alerts, masked recipient, attempts and timings")
    public List<NotificationView> search(@RequestParam(required = false) NotificationStatus status,
                                         @RequestParam(required = false) ChannelKind channel,
                                         @RequestParam(required = false) Instant from,
                                         @RequestParam(required = false) Instant to,
                                         @RequestParam(defaultValue = "100") int limit) {
        return notifications.search(status, channel, from, to, limit);
    }

    @GetMapping("/{id}")
    public NotificationView get(@PathVariable UUID id) {
        return notifications.get(id);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a DEAD or UNKNOWN notification again")
    public NotificationView retry(@PathVariable UUID id) {
        return notifications.retry(id);
    }
}
