package io.keliu.gateway.dashboard.alerts;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * @param mailCatcherUrl the page of the local stack's mail catcher ({@code bin/keliu up} sets it); absent anywhere
 *                       else, and the Alerts view then shows no inbox
 */
@ConfigurationProperties("keliu.dashboard")
public record MailCatcherProperties(URI mailCatcherUrl) {

    public boolean configured() {
        return mailCatcherUrl != null && !mailCatcherUrl.toString().isBlank();
    }
}
