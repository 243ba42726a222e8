package io.keliu.gateway.dashboard.alerts;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the Alerts view's inbox panel is told when there is no catcher to read (the relay itself: GatewayRoutingTest). */
class MailCatcherControllerTest {

    @Test
    void outsideTheLocalStackThereIsNoInbox() {
        assertThatThrownBy(() -> new MailCatcherController(new MailCatcherProperties(null)).inbox())
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(e.getReason()).contains("bin/keliu up");
                });
    }

    @Test
    void aCatcherThatDoesNotAnswerIsABadGatewayThatSaysWhere() throws IOException {
        URI gone = URI.create("http://localhost:" + freePort());
        assertThatThrownBy(() -> new MailCatcherController(new MailCatcherProperties(gone)).inbox())
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
                    assertThat(e.getReason()).contains(gone.toString(), "still running");
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
