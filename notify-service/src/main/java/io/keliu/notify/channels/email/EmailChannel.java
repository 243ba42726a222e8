package io.keliu.notify.channels.email;

import io.keliu.notify.channels.Availability;
import io.keliu.notify.channels.Channel;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Message;
import io.keliu.notify.channels.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Email through Spring Mail: one multipart/alternative mail with a plain-text and an HTML part. */
@Component
public class EmailChannel implements Channel {
    private final JavaMailSender mail;
    private final EmailProperties properties;

    /** Without an SMTP host ({@code spring.mail.host} unset or blank) the channel is off. */
    public EmailChannel(ObjectProvider<JavaMailSender> mail, EmailProperties properties) {
        JavaMailSender sender = mail.getIfAvailable();
        boolean noHost = sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank());
        this.mail = noHost ? null : sender;
        this.properties = properties;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public Availability availability() {
        return mail == null
                ? Availability.off("no SMTP server configured (set KELIU_MAIL_HOST and KELIU_MAIL_PORT)")
                : Availability.on("SMTP, from " + properties.from());
    }

    @Override
    public SendResult send(Message message) {
        if (mail == null) {
            return new SendResult.Failed("OFF", availability().detail(), false);
        }
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(message.address());
            helper.setSubject(message.subject());
            helper.setText(message.plainText(), message.html());
            mime.setHeader("X-Keliu-Notification", message.outId());
            mail.send(mime);
            return new SendResult.Accepted(mime.getMessageID(), "250 accepted by the SMTP server");
        } catch (MailParseException | MailAuthenticationException e) {
            return new SendResult.Failed("SMTP", e.getMessage(), false);
        } catch (MailException e) {
            return new SendResult.Failed("SMTP", e.getMessage(), true);
        } catch (MessagingException e) {
            return new SendResult.Failed("MIME", e.getMessage(), false);
        }
    }
}
