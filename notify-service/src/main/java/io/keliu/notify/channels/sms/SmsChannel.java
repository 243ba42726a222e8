package io.keliu.notify.channels.sms;

import io.keliu.notify.channels.Availability;
import io.keliu.notify.channels.Channel;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Message;
import io.keliu.notify.channels.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Optional;

/**
 * Text messages through the configured provider. Not idempotent at the provider: the outbox never resends one after
 * an unanswered request before asking {@link #statusOf} (our notification id travels as the provider's out id).
 */
@Component
public class SmsChannel implements Channel {
    private final SmsProperties properties;
    private final SmsProvider provider;

    public SmsChannel(SmsProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.provider = switch (properties.provider()) {
            case "aliyun" -> properties.aliyun().configured() ? new AliyunSms(properties, json, clock) : null;
            case "tencent" -> properties.tencent().configured() ? new TencentSms(properties, json, clock) : null;
            default -> null;
        };
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public Availability availability() {
        if (provider != null) {
            return Availability.on(provider.name() + ", signature 【" + properties.signName() + "】");
        }
        return Availability.off(switch (properties.provider()) {
            case "aliyun" -> "Aliyun SMS chosen but its credentials are missing (KELIU_SMS_ALIYUN_ACCESS_KEY_ID, "
                    + "KELIU_SMS_ALIYUN_ACCESS_KEY_SECRET, KELIU_SMS_ALIYUN_TEMPLATE_CODE)";
            case "tencent" -> "Tencent Cloud SMS chosen but its credentials are missing (KELIU_SMS_TENCENT_SECRET_ID, "
                    + "KELIU_SMS_TENCENT_SECRET_KEY, KELIU_SMS_TENCENT_SDK_APP_ID, KELIU_SMS_TENCENT_TEMPLATE_ID)";
            default -> "no SMS provider configured (set KELIU_SMS_PROVIDER to aliyun or tencent, with its credentials)";
        });
    }

    @Override
    public SendResult send(Message message) {
        if (provider == null) {
            return new SendResult.Failed("OFF", availability().detail(), false);
        }
        return provider.send(message.address(), message.shortText(), message.outId());
    }

    @Override
    public boolean resendIsSafe() {
        return false;
    }

    @Override
    public Optional<SendResult> statusOf(Message message) {
        return provider == null ? Optional.empty() : provider.statusOf(message.address(), message.outId());
    }
}
