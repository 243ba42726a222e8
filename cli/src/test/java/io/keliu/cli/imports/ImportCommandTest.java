package io.keliu.cli.imports;

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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code keliu import} against a real HTTP server standing in for the platform's import API. */
class ImportCommandTest {
    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/imports/", exchange -> {
            received.set(exchange.getRequestURI() + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean refuse = String.valueOf(exchange.getRequestURI().getQuery()).contains("charset=nope");
            byte[] body = (refuse ? "{\"detail\":\"'nope' is not an encoding we know; try UTF-8 or GBK\"}"
                    : "{\"accepted\":2,\"rejected\":0,\"duplicates\":0,\"errors\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(refuse ? 400 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Test
    void streamsTheFileAndPrintsTheSummaryWithProgressOnStderr(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("orders.csv"), "order_id,user_id\nA,1\nB,2\n");
        CliRun run = CliRun.of("import", "orders", csv.toString(), "--server", url(), "--charset", "GBK",
                "--api-key", "keliu_k1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(received.get()).isEqualTo("/api/v1/imports/orders?charset=GBK\norder_id,user_id\nA,1\nB,2\n");
        assertThat(contentType.get()).isEqualTo("text/csv");
        assertThat(authorization.get()).isEqualTo("Bearer keliu_k1");
        assertThat(run.err()).contains("importing: 100%");
    }

    @Test
    void ndjsonFilesAreSentAsNdjson(@TempDir Path dir) throws IOException {
        Path ndjson = Files.writeString(dir.resolve("logs.ndjson"), "{\"log_id\":\"1\"}\n");
        assertThat(CliRun.of("import", "logs", ndjson.toString(), "--server", url(), "--api-key", "keliu_k1")
                .exitCode()).isZero();
        assertThat(contentType.get()).isEqualTo("application/x-ndjson");
    }

    @Test
    void anUnknownKindIsRefusedBeforeSendingAnything(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("x.csv"), "a\n1\n");
        CliRun run = CliRun.of("import", "invoices", csv.toString(), "--server", url());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("orders, profiles, logs, feedback");
        assertThat(received.get()).isNull();
    }

    @Test
    void saysWhatWentWrong(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("import", "orders", dir.resolve("nope.csv").toString(), "--server", url());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("error: no such file");

        Path csv = Files.writeString(dir.resolve("orders.csv"), "order_id\nA\n");
        server.stop(0);
        CliRun down = CliRun.of("import", "orders", csv.toString(), "--server", url(), "--api-key", "keliu_k1");
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).contains("cannot reach the platform", "bin/keliu up");
    }

    @Test
    void aRefusedImportExitsNonZeroAndShowsTheReason(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("x.csv"), "a\n1\n");
        CliRun refused = CliRun.of("import", "orders", csv.toString(), "--server", url(), "--charset", "nope",
                "--api-key", "keliu_k1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.out()).contains("'nope' is not an encoding we know");
        assertThat(refused.err()).contains("the import was refused (HTTP 400)");
    }

    @Test
    void withoutAKeyItUsesTheLocalStacksAdminKeyOrSaysHowToGiveOne(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("orders.csv"), "order_id\nA\n");
        Path dataDir = Files.createDirectories(dir.resolve("data"));
        CliRun none = CliRun.of("import", "orders", csv.toString(), "--server", url(), "--data-dir", dataDir.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no API key", "--api-key", "KELIU_API_KEY");
        assertThat(received.get()).isNull();

        Files.writeString(dataDir.resolve("admin-api-key"), "keliu_local-admin");
        CliRun local = CliRun.of("import", "orders", csv.toString(), "--server", url(), "--data-dir", dataDir.toString());
        assertThat(local.exitCode()).isZero();
        assertThat(authorization.get()).isEqualTo("Bearer keliu_local-admin");
    }
}
