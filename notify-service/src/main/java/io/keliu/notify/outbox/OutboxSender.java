package io.keliu.notify.outbox;

import io.keliu.notify.channels.Channel;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Channels;
import io.keliu.notify.channels.Message;
import io.keliu.notify.channels.SendResult;
import io.keliu.notify.channels.Utf8;
import io.keliu.notify.channels.wecom.WeComRobotChannel;
import io.keliu.notify.secrets.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Sends what the outbox holds. Each notification is claimed (committed as SENDING) before its provider call and
 * finished after it: SENT once the provider accepts, retried with capped exponential backoff and jitter while the
 * failure may pass, DEAD with the provider's answer otherwise. A notification found SENDING after a crash is sent
 * again only where that is harmless; SMS asks the provider first and, if it cannot tell, waits for a person.
 */
@Component
public class OutboxSender implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final String MERGE_SEPARATOR = "\n\n";

    private final OutboxStore store;
    private final Channels channels;
    private final SecretBox secrets;
    private final OutboxProperties properties;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final RobotRateLimit robots;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Semaphore inFlight;
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Thread loop;

    public OutboxSender(OutboxStore store, Channels channels, SecretBox secrets, OutboxProperties properties,
                        DeliveryMetrics metrics, Clock clock) {
        this.store = store;
        this.channels = channels;
        this.secrets = secrets;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.robots = new RobotRateLimit(properties.robotPerMinute(), properties.robotWindow());
        this.inFlight = new Semaphore(properties.parallelSends());
    }

    /** Tells the sender that notifications were committed, so that it need not wait for its next poll. */
    public void wake() {
        wakeUp.release();
    }

    /** Sends one notification now and returns how it ended (test sends; retries a person asked for). */
    public Optional<NotificationStatus> sendNow(UUID id) {
        List<Claimed> claimed = store.claim(id, clock.instant());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(attempt(claimed.getFirst()));
    }

    /** One round: finish what a crash interrupted, then send everything due. Returns how many were claimed. */
    int sendDue() {
        for (Claimed interrupted : store.interrupted(clock.instant().minus(properties.claimLease()),
                properties.batchSize())) {
            resolveAmbiguous(interrupted, "interrupted during its provider call (the service stopped)");
        }
        List<Claimed> due = store.claimDue(clock.instant(), properties.batchSize());
        List<Future<?>> running = new ArrayList<>();
        Map<String, List<Claimed>> byRobot = new LinkedHashMap<>();
        for (Claimed notification : due) {
            if (notification.channel() == ChannelKind.WECOM_ROBOT) {
                byRobot.computeIfAbsent(notification.recipientHash(), key -> new ArrayList<>()).add(notification);
            } else {
                running.add(submit(() -> attempt(notification)));
            }
        }
        byRobot.values().forEach(batch -> running.add(submit(() -> sendToRobot(batch))));
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (Exception e) {
                log.error("a send failed unexpectedly; its notification stays SENDING until the claim lease ends", e);
            }
        }
        return due.size();
    }

    private Future<?> submit(Runnable send) {
        inFlight.acquireUninterruptibly();
        return sends.submit(() -> {
            try {
                send.run();
            } finally {
                inFlight.release();
            }
        });
    }

    private NotificationStatus attempt(Claimed notification) {
        return finish(List.of(notification), send(notification.channel(), message(notification)));
    }

    /**
     * A robot takes {@code robotPerMinute} messages a minute: when more are due, they are packed into as few markdown
     * messages as fit its size limit, and what still does not fit waits for room.
     */
    private void sendToRobot(List<Claimed> batch) {
        String robot = batch.getFirst().recipientHash();
        int room = robots.remaining(robot, clock.instant());
        // one by one only while that leaves the minute's last message free to carry whatever comes next
        List<List<Claimed>> messages = room > batch.size() ? batch.stream().map(List::of).toList() : pack(batch);
        for (int i = 0; i < messages.size(); i++) {
            List<Claimed> packed = messages.get(i);
            if (i >= Math.max(room, 0)) {
                Instant free = robots.nextFree(robot, clock.instant());
                packed.forEach(notification -> store.postpone(notification.id(), free));
                continue;
            }
            robots.record(robot, clock.instant());
            Claimed first = packed.getFirst();
            Message message = message(first);
            if (packed.size() > 1) {
                String markdown = String.join(MERGE_SEPARATOR, packed.stream().map(n -> n.content().markdown()).toList());
                message = new Message(first.id().toString(), ChannelKind.WECOM_ROBOT, message.address(),
                        message.subject(), markdown, message.shortText(), message.html(), message.plainText(),
                        message.mentions());
            }
            finish(packed, send(ChannelKind.WECOM_ROBOT, message));
        }
    }

    /** Consecutive notifications joined while the markdown stays within the robot's limit. */
    private static List<List<Claimed>> pack(List<Claimed> batch) {
        List<List<Claimed>> packed = new ArrayList<>();
        List<Claimed> current = new ArrayList<>();
        int bytes = 0;
        for (Claimed notification : batch) {
            int size = Utf8.length(notification.content().markdown()) + MERGE_SEPARATOR.length();
            if (!current.isEmpty() && bytes + size > WeComRobotChannel.MARKDOWN_LIMIT_BYTES - 200) {
                packed.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(notification);
            bytes += size;
        }
        packed.add(current);
        return packed;
    }

    private record Attempt(SendResult result, Instant started, Instant finished) {
    }

    private Attempt send(ChannelKind kind, Message message) {
        Instant started = clock.instant();
        SendResult result = channels.get(kind).send(message);
        Instant finished = clock.instant();
        metrics.providerCall(kind, Duration.between(started, finished));
        return new Attempt(result, started, finished);
    }

    /** Records one attempt's outcome for every notification it carried. */
    private NotificationStatus finish(List<Claimed> carried, Attempt attempt) {
        Claimed first = carried.getFirst();
        SendResult result = attempt.result();
        if (result instanceof SendResult.Ambiguous) {
            carried.forEach(n -> store.attempt(n.id(), n.attempts(), attempt.started(), attempt.finished(),
                    "AMBIGUOUS", null, result.answer()));
            NotificationStatus status = NotificationStatus.PENDING;
            for (Claimed notification : carried) {
                status = resolveAmbiguous(notification, result.answer());
            }
            return status;
        }
        NotificationStatus status = NotificationStatus.SENT;
        for (Claimed notification : carried) {
            status = switch (result) {
                case SendResult.Accepted accepted -> {
                    store.attempt(notification.id(), notification.attempts(), attempt.started(), attempt.finished(),
                            "ACCEPTED", null, accepted.answer());
                    store.sent(notification.id(), attempt.finished(), accepted.providerId(), accepted.answer(),
                            notification == first ? null : first.id());
                    metrics.count(notification.channel(), "sent");
                    metrics.delivered(notification.channel(), Duration.between(notification.createdAt(),
                            attempt.finished()));
                    yield NotificationStatus.SENT;
                }
                case SendResult.Failed failed -> {
                    store.attempt(notification.id(), notification.attempts(), attempt.started(), attempt.finished(),
                            "FAILED", failed.code(), failed.answer());
                    yield failed(notification, failed.retryable(), failed.code() + ": " + failed.answer(),
                            failed.answer());
                }
                case SendResult.Ambiguous ambiguous -> throw new IllegalStateException("handled above");
            };
        }
        return status;
    }

    private NotificationStatus failed(Claimed notification, boolean retryable, String error, String answer) {
        metrics.count(notification.channel(), "failed");
        if (retryable && notification.attempts() < properties.maxAttempts()) {
            Duration wait = Backoff.after(notification.attempts(), properties.backoffBase(), properties.backoffCap(),
                    random);
            store.retryAt(notification.id(), clock.instant().plus(wait), error);
            metrics.count(notification.channel(), "retried");
            return NotificationStatus.PENDING;
        }
        store.finish(notification.id(), NotificationStatus.DEAD, answer, retryable
                ? "still failing after " + notification.attempts() + " attempts; last: " + error : error);
        metrics.count(notification.channel(), "dead");
        return NotificationStatus.DEAD;
    }

    /**
     * The provider may have taken the message. Where a duplicate is harmless, try again; otherwise ask the provider
     * by our out id, and if it does not know, leave the decision to a person.
     */
    private NotificationStatus resolveAmbiguous(Claimed notification, String why) {
        Channel channel = channels.get(notification.channel());
        if (channel.resendIsSafe()) {
            return failed(notification, true, "AMBIGUOUS: " + why, why);
        }
        Optional<SendResult> known = channel.statusOf(message(notification));
        if (known.isPresent() && known.get() instanceof SendResult.Accepted accepted) {
            store.sent(notification.id(), clock.instant(), accepted.providerId(), accepted.answer(), null);
            metrics.count(notification.channel(), "sent");
            return NotificationStatus.SENT;
        }
        store.finish(notification.id(), NotificationStatus.UNKNOWN, why, "no answer from the provider and no record "
                + "of out id " + notification.id() + " there; not resent, so that nobody gets it twice: check the "
                + "provider's console, then retry it (POST /api/v1/notifications/{id}/retry) or leave it");
        metrics.count(notification.channel(), "unknown");
        return NotificationStatus.UNKNOWN;
    }

    private Message message(Claimed notification) {
        Content content = notification.content();
        return new Message(notification.id().toString(), notification.channel(),
                secrets.decrypt(notification.sealedRecipient()), content.subject(), content.markdown(),
                content.shortText(), content.html(), content.plainText(), content.mentions());
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int claimed = sendDue();
                if (claimed < properties.batchSize()) {
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("outbox round failed (the database may be away); trying again shortly: {}", e.toString());
                sleepQuietly(properties.pollInterval());
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        loop = Thread.ofPlatform().name("outbox-sender").daemon().start(this::run);
    }

    @Override
    public void stop() {
        Thread running = loop;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
