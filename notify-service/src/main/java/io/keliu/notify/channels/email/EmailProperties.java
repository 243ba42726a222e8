package io.keliu.notify.channels.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sender of notification mails. The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * (KELIU_MAIL_HOST, KELIU_MAIL_PORT, KELIU_MAIL_USERNAME, KELIU_MAIL_PASSWORD).
 */
@ConfigurationProperties("keliu.notify.email")
public record EmailProperties(String from) {
    public EmailProperties {
        from = from == null || from.isBlank() ? "keliu-alerts@localhost" : from;
    }
}
