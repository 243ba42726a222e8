package io.keliu.notify.channels.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.keliu.notify.channels.ChannelKind;
import io.keliu.notify.channels.Messages;
import io.keliu.notify.channels.SendResult;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

class EmailChannelTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    private static EmailChannel channel(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mail", sender);
        return new EmailChannel(beans.getBeanProvider(JavaMailSender.class), new EmailProperties("alerts@keliu.test"));
    }

    @Test
    void sendsOneMailWithTextAndHtmlParts() throws Exception {
        SendResult result = channel(smtp.getSmtp().getPort())
                .send(Messages.to(ChannelKind.EMAIL, "ops@example.com", "**严重** 广东省订单异常偏高"));

        assertThat(result).isInstanceOf(SendResult.Accepted.class);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("[科流] 严重：广东省订单异常偏高");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("alerts@keliu.test");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ops@example.com");
        String raw = GreenMailUtil.getWholeMessage(received[0]);
        assertThat(raw).contains("multipart/alternative", "text/plain", "text/html");
        Multipart outer = (Multipart) received[0].getContent();
        assertThat(outer.getCount()).isPositive();
    }

    @Test
    void anUnreachableServerIsARetryableFailure() {
        assertThat(channel(1).send(Messages.to(ChannelKind.EMAIL, "ops@example.com", "x")))
                .isInstanceOfSatisfying(SendResult.Failed.class, failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void withoutAnSmtpServerEmailIsOff() {
        EmailChannel off = new EmailChannel(new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                new EmailProperties(null));
        assertThat(off.availability().on()).isFalse();
        StaticListableBeanFactory blankHost = new StaticListableBeanFactory();
        blankHost.addBean("mail", new JavaMailSenderImpl());
        assertThat(new EmailChannel(blankHost.getBeanProvider(JavaMailSender.class), new EmailProperties(null))
                .availability().on()).as("KELIU_MAIL_HOST empty").isFalse();
        assertThat(off.send(Messages.to(ChannelKind.EMAIL, "a@b.c", "x")))
                .isInstanceOfSatisfying(SendResult.Failed.class, failed -> assertThat(failed.retryable()).isFalse());
    }
}
