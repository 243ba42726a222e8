package io.keliu.gateway.dashboard.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the local stack's mail catcher caught, newest first, for the Alerts view: the browser cannot read the catcher
 * itself (another origin), so the gateway reads its JSON ({@code /api/mails}, {@code /api/wecom}) for it.
 */
@RestController
@Tag(name = "mail-catcher", description = "Mails and WeCom robot messages the local stack caught (bin/keliu up only)")
class MailCatcherController {
    static final int SHOWN = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final ParameterizedTypeReference<List<CaughtMail>> MAILS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<RobotMessage>> ROBOT_MESSAGES =
            new ParameterizedTypeReference<>() {
            };

    private final MailCatcherProperties properties;
    private final RestClient catcher;

    MailCatcherController(MailCatcherProperties properties) {
        this.properties = properties;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build());
        factory.setReadTimeout(TIMEOUT);
        this.catcher = RestClient.builder().requestFactory(factory).build();
    }

    /** A mail as the catcher lists it; {@code html} is the catcher's page of that mail. */
    record CaughtMail(int index, Instant receivedAt, String from, String to, String subject, String text, URI html) {
    }

    record RobotMessage(Instant receivedAt, String robot, String msgtype, String content) {
    }

    /** @param page the catcher's own page; {@code mails} and {@code robotMessages} the newest {@value #SHOWN} */
    record Inbox(URI page, int mailCount, List<CaughtMail> mails, int robotMessageCount,
                 List<RobotMessage> robotMessages) {
    }

    @GetMapping("/api/v1/mail-catcher")
    @Operation(summary = "The newest mails and WeCom robot messages the local mail catcher caught; 404 outside the "
            + "local stack")
    Inbox inbox() {
        if (!properties.configured()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no local mail catcher here: it runs "
                    + "with bin/keliu up, which tells the gateway where it is (keliu.dashboard.mail-catcher-url).");
        }
        URI page = properties.mailCatcherUrl();
        List<CaughtMail> mails = read(page.resolve("/api/mails"), MAILS);
        List<RobotMessage> robot = read(page.resolve("/api/wecom"), ROBOT_MESSAGES);
        return new Inbox(page, mails.size(), newest(mails).stream().map(mail -> new CaughtMail(mail.index(),
                mail.receivedAt(), mail.from(), mail.to(), mail.subject(), mail.text(),
                page.resolve("/api/mails/" + mail.index()))).toList(), robot.size(), newest(robot));
    }

    private <T> List<T> read(URI uri, ParameterizedTypeReference<List<T>> type) {
        try {
            List<T> items = catcher.get().uri(uri).retrieve().body(type);
            return items == null ? List.of() : items;
        } catch (RestClientException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "The local mail catcher at "
                    + properties.mailCatcherUrl() + " does not answer (" + e.getMessage() + "). It runs inside "
                    + "bin/keliu up: is the stack still running?");
        }
    }

    private static <T> List<T> newest(List<T> items) {
        return items.reversed().stream().limit(SHOWN).toList();
    }
}
