package io.keliu.notify.subscriptions;

import io.keliu.notify.channels.Channels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "subscriptions", description = "Who receives which alerts, on which channel, and when")
public class SubscriptionController {
    private final Subscriptions subscriptions;
    private final TestSend testSend;
    private final Channels channels;

    public SubscriptionController(Subscriptions subscriptions, TestSend testSend, Channels channels) {
        this.subscriptions = subscriptions;
        this.testSend = testSend;
        this.channels = channels;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Subscribe recipients (WeCom robot key, WeCom user id, phone number, email) to alerts")
    public SubscriptionView create(@RequestBody SubscriptionRequest request) {
        return view(subscriptions.create(request));
    }

    @GetMapping
    @Operation(summary = "Every subscription, addresses masked, with whether each recipient's channel is on")
    public List<SubscriptionView> list() {
        return subscriptions.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    public SubscriptionView get(@PathVariable UUID id) {
        return view(subscriptions.get(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the fields given (recipients, when given, replace all of them)")
    public SubscriptionView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return view(subscriptions.patch(id, patch));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable UUID id) {
        subscriptions.delete(id);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Send a test message to every recipient now and report each provider's answer")
    public List<TestSend.Outcome> test(@PathVariable UUID id) {
        return testSend.send(id);
    }

    private SubscriptionView view(Subscription subscription) {
        return SubscriptionView.of(subscription, channels.availability());
    }
}
