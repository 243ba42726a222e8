package io.keliu.notify.channels.sms;

import io.keliu.notify.channels.SendResult;

import java.util.Optional;

/** One SMS provider's API. Phone numbers arrive in E.164 ({@code +8613800138000}). */
interface SmsProvider {

    String name();

    SendResult send(String phone, String text, String outId);

    /** The provider's record of a message we sent with {@code outId}, if it has one. */
    Optional<SendResult> statusOf(String phone, String outId);
}
