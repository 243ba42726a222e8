package io.keliu.notify;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Real servers standing in for the providers, started once per test JVM: an SMTP server (GreenMail) and one HTTP
 * server (WireMock) that answers as WeCom (/cgi-bin/…) and as Tencent Cloud SMS (POST /).
 */
public final class ProviderStubs {
    public static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    public static final WireMockServer HTTP = new WireMockServer(wireMockConfig().dynamicPort());
    /** 32 bytes of zeros in base64: a test key, never a real one. */
    public static final String TEST_SECRET_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    static {
        SMTP.start();
        HTTP.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SMTP.stop();
            HTTP.stop();
        }));
    }

    private ProviderStubs() {
    }

    /** Points every channel at the stubs, with timings short enough for tests. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("keliu.notify.secret-key", () -> TEST_SECRET_KEY);
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("keliu.notify.wecom.base-url", HTTP::baseUrl);
        registry.add("keliu.notify.wecom.read-timeout", () -> "5s");
        registry.add("keliu.notify.sms.provider", () -> "tencent");
        registry.add("keliu.notify.sms.tencent.endpoint", HTTP::baseUrl);
        registry.add("keliu.notify.sms.tencent.secret-id", () -> "AKIDtest");
        registry.add("keliu.notify.sms.tencent.secret-key", () -> "test-secret");
        registry.add("keliu.notify.sms.tencent.sdk-app-id", () -> "1400000001");
        registry.add("keliu.notify.sms.tencent.template-id", () -> "2001");
        registry.add("keliu.notify.sms.read-timeout", () -> "5s");
        registry.add("keliu.notify.delivery.group-wait", () -> "300ms");
        registry.add("keliu.notify.delivery.group-interval", () -> "2s");
        registry.add("keliu.notify.delivery.repeat-interval", () -> "1h");
        registry.add("keliu.notify.delivery.flush-interval", () -> "100ms");
        registry.add("keliu.notify.outbox.poll-interval", () -> "100ms");
        registry.add("keliu.notify.outbox.backoff-base", () -> "200ms");
        registry.add("keliu.notify.outbox.backoff-cap", () -> "1s");
        registry.add("keliu.notify.outbox.max-attempts", () -> "30");
        registry.add("keliu.notify.outbox.claim-lease", () -> "10s");
        registry.add("keliu.notify.outbox.robot-per-minute", () -> "3");
        registry.add("keliu.notify.outbox.robot-window", () -> "5s");
    }
}
