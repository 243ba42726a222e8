package io.keliu.cli.export;

import com.sun.net.httpserver.HttpServer;
import io.keliu.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The export command against a real HTTP server standing in for the platform's export endpoint. */
class ExportCommandTest {
    private static final String CSV = "order_id,user_id,created_at\n1,张三,2024-05-01T10:00:00+08:00\n";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @TempDir
    Path folder;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/ingest/export/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            boolean refused = exchange.getRequestURI().getPath().endsWith("/logs");
            byte[] body = (refused ? "{\"detail\":\"the platform says no\"}" : CSV).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", refused ? "application/problem+json" : "text/csv");
            exchange.sendResponseHeaders(refused ? 400 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void writesTheExportAsItArrivesAndPassesTheDays() throws IOException {
        Path file = folder.resolve("orders.csv");

        CliRun run = CliRun.of("export", "orders", "--from", "2024-05-01", "--to", "2024-05-31", "--server",
                url(), "--output", file.toString(), "--api-key", "k-123");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(file)).isEqualTo(CSV);
        assertThat(requests).containsExactly("/api/v1/ingest/export/orders?from=2024-05-01&to=2024-05-31");
        assertThat(authorizations).containsExactly("Bearer k-123");
        assertThat(run.err()).startsWith("exported orders");
    }

    @Test
    void aRefusalIsOneClearLine() {
        CliRun run = CliRun.of("export", "logs", "--server", url(), "--output", folder.resolve("x").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: the export was refused (HTTP 400): the platform says no"
                + System.lineSeparator());
    }

    @Test
    void aBadDayIsRefusedBeforeAnyRequest() {
        CliRun run = CliRun.of("export", "orders", "--from", "1.5.2024", "--server", url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--from: not a date");
        assertThat(requests).isEmpty();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
