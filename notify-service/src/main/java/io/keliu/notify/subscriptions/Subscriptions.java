package io.keliu.notify.subscriptions;

import io.keliu.contracts.v1.AlertSeverity;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.secrets.SecretBox;
import io.keliu.notify.templates.AlertTemplates;
import io.keliu.notify.web.InvalidField;
import io.keliu.notify.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Creates, changes and removes subscriptions, validating every field and sealing every address. */
@Service
public class Subscriptions {
    private static final List<String> DEFAULT_GROUP_BY = List.of("type", "region");
    private static final int MAX_DIGEST_MINUTES = 24 * 60;

    private final SubscriptionStore store;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final Clock clock;

    public Subscriptions(SubscriptionStore store, SecretBox secrets, JsonMapper json, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
    }

    public List<Subscription> all() {
        return store.findAll();
    }

    public Subscription get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFound("no subscription " + id));
    }

    @Transactional
    public Subscription create(SubscriptionRequest request) {
        Instant now = clock.instant();
        Subscription subscription = build(UUID.randomUUID(), request, sealAll(request.recipients()), now, now);
        store.insert(subscription);
        return subscription;
    }

    /** Applies the fields present in {@code patch} (JSON merge: a field set to null goes back to its default). */
    @Transactional
    public Subscription patch(UUID id, JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidField("body", "must be a JSON object of the fields to change");
        }
        Subscription existing = get(id);
        ObjectNode merged = json.valueToTree(SubscriptionStore.Spec.of(existing));
        merged.remove("recipients");
        patch.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        SubscriptionRequest request;
        try {
            request = json.treeToValue(merged, SubscriptionRequest.class);
        } catch (RuntimeException e) {
            throw new InvalidField("body", "cannot be read as a subscription: " + e.getMessage());
        }
        List<Subscription.StoredRecipient> recipients = patch.has("recipients")
                ? sealAll(request.recipients()) : existing.recipients();
        Subscription changed = build(id, request, recipients, existing.createdAt(), clock.instant());
        store.update(changed);
        return changed;
    }

    @Transactional
    public void delete(UUID id) {
        if (!store.delete(id)) {
            throw new NotFound("no subscription " + id);
        }
    }

    private List<Subscription.StoredRecipient> sealAll(List<SubscriptionRequest.RecipientRequest> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            throw new InvalidField("recipients", "name at least one recipient: a channel and an address");
        }
        List<Subscription.StoredRecipient> sealed = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            SubscriptionRequest.RecipientRequest recipient = recipients.get(i);
            if (recipient == null || recipient.channel() == null) {
                throw new InvalidField("recipients[" + i + "].channel", "is required: one of "
                        + List.of(ChannelKind.values()));
            }
            String address;
            try {
                address = Addresses.normalize(recipient.channel(), recipient.address());
            } catch (IllegalArgumentException e) {
                throw new InvalidField("recipients[" + i + "].address", e.getMessage());
            }
            sealed.add(new Subscription.StoredRecipient(recipient.channel(), secrets.encrypt(address),
                    secrets.hash(address), Addresses.mask(recipient.channel(), address)));
        }
        return sealed;
    }

    private Subscription build(UUID id, SubscriptionRequest request, List<Subscription.StoredRecipient> recipients,
                               Instant createdAt, Instant updatedAt) {
        String name = request.name() == null || request.name().isBlank() ? "subscription" : request.name().strip();
        SubscriptionRequest.MatchRequest match = request.match();
        Subscription.Match matcher = match == null ? new Subscription.Match(null, null, null)
                : new Subscription.Match(match.types(), match.minSeverity(), match.labels());
        Map<AlertSeverity, Set<ChannelKind>> routing = new EnumMap<>(AlertSeverity.class);
        if (request.channelsBySeverity() != null) {
            request.channelsBySeverity().forEach((severity, channels) -> routing.put(severity, Set.copyOf(channels)));
        }
        List<String> groupBy = request.groupBy() == null ? DEFAULT_GROUP_BY : List.copyOf(request.groupBy());
        Integer digest = request.digestMinutes();
        if (digest != null && (digest < 1 || digest > MAX_DIGEST_MINUTES)) {
            throw new InvalidField("digestMinutes", "must be between 1 and " + MAX_DIGEST_MINUTES
                    + " (or absent for no digest)");
        }
        String language = request.language() == null ? "zh-CN" : request.language();
        if (!AlertTemplates.LANGUAGES.contains(language)) {
            throw new InvalidField("language", "'" + language + "' is not one of " + AlertTemplates.LANGUAGES);
        }
        return new Subscription(id, name, recipients, matcher, routing, groupBy, quietHours(request.quietHours()),
                digest, request.sendResolved() == null || request.sendResolved(), language,
                request.mentions() == null ? List.of() : List.copyOf(request.mentions()), createdAt, updatedAt);
    }

    private static Subscription.QuietHours quietHours(SubscriptionRequest.QuietHoursRequest quiet) {
        if (quiet == null) {
            return null;
        }
        if (quiet.start() == null || quiet.end() == null || quiet.start().equals(quiet.end())) {
            throw new InvalidField("quietHours", "needs a start and a different end, as HH:mm (22:00 to 07:00)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(quiet.zone() == null ? "Asia/Shanghai" : quiet.zone());
        } catch (DateTimeException e) {
            throw new InvalidField("quietHours.zone", "'" + quiet.zone() + "' is not a time zone such as Asia/Shanghai");
        }
        return new Subscription.QuietHours(quiet.start(), quiet.end(), zone,
                quiet.criticalOverrides() == null || quiet.criticalOverrides());
    }
}
