package io.keliu.local.mail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class LocalMailCatcherTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void catchesMailsAndRobotMessagesAndListsThem() throws Exception {
        int smtp = freePort();
        int web = freePort();
        try (LocalMailCatcher catcher = LocalMailCatcher.start(smtp, web)) {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "localhost");
            properties.put("mail.smtp.port", String.valueOf(smtp));
            MimeMessage mail = new MimeMessage(Session.getInstance(properties));
            mail.setFrom(new InternetAddress("keliu-alerts@localhost"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("ops@example.com"));
            mail.setSubject("[科流] 警告：广东省订单异常偏高", "UTF-8");
            mail.setText("观测 120", "UTF-8", "html");
            Transport.send(mail);

            HttpResponse<String> robot = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web
                            + "/cgi-bin/webhook/send?key=my-robot-key-0001"))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**科流告警** <b>\"}}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(robot.body()).isEqualTo("{\"errcode\":0,\"errmsg\":\"ok\"}");
            assertThat(get(web, "/api/mails")).contains("ops@example.com", "[科流] 警告：广东省订单异常偏高");
            assertThat(get(web, "/api/mails/0")).contains("观测 120");
            assertThat(get(web, "/api/wecom")).contains("****0001", "**科流告警**");
            assertThat(get(web, "/")).contains("[科流] 警告：广东省订单异常偏高", "**科流告警** &lt;b&gt;")
                    .doesNotContain("my-robot-key-0001");
        }
    }

    private static String get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
