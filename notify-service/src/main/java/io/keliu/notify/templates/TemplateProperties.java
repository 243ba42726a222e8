package io.keliu.notify.templates;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dashboardUrl where users open the dashboard; alert links are paths below it
 * @param smsSignature the SMS signature the provider puts in front of each text (counted in its 70 characters)
 */
@ConfigurationProperties("keliu.notify.templates")
public record TemplateProperties(String dashboardUrl, String smsSignature) {
    public TemplateProperties {
        dashboardUrl = dashboardUrl == null || dashboardUrl.isBlank() ? "http://localhost:8080" : dashboardUrl;
        dashboardUrl = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
        smsSignature = smsSignature == null || smsSignature.isBlank() ? "科流" : smsSignature;
    }
}
