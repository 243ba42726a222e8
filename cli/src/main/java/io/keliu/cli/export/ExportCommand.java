package io.keliu.cli.export;

import io.keliu.cli.ApiKeys;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Streams the records a running platform holds, as a CSV file of the import format, to stdout (or a file): what
 * {@code bin/keliu analytics} reads, and what {@code bin/keliu import} takes back without changing anything.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the orders, profiles, logs or feedback a running platform holds, as CSV in the import"
                + " format (UTF-8), to stdout: bin/keliu export orders > orders.csv")
public final class ExportCommand implements Callable<Integer> {

    enum Kind { orders, profiles, logs, feedback }

    @Parameters(index = "0", description = "What to export: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD",
            description = "First day (orders and feedback by created_at, profiles by registered_at, logs by"
                    + " logged_at).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day, included.")
    String to;

    @Option(names = "--server", defaultValue = "${KELIU_SERVER:-http://localhost:8080}",
            description = "The platform's address (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--api-key", defaultValue = "${KELIU_API_KEY}", description = "An API key with the OPS,"
            + " INTEGRATOR or ADMIN role (default: KELIU_API_KEY, else the local stack's admin key in"
            + " <data-dir>/admin-api-key when the server is this machine).")
    String apiKey;

    @Option(names = "--data-dir", defaultValue = "${KELIU_DATA_DIR:-${sys:user.home}/.keliu}",
            description = "The local stack's data directory, where its admin API key is (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target()).header("Accept", "text/csv").GET();
        ApiKeys.resolve(apiKey, dataDirectory, server).ifPresent(key -> request.header("Authorization", "Bearer " + key));
        HttpResponse<InputStream> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException refused) {
            throw new UserInputException("cannot reach the platform at " + server
                    + "; start it with 'bin/keliu up' or pass --server URL");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() >= 400) {
                throw new UserInputException("the export was refused (HTTP " + response.statusCode() + "): "
                        + detail(new String(body.readAllBytes(), StandardCharsets.UTF_8))
                        + (response.statusCode() == 401 || response.statusCode() == 403
                        ? "; " + ApiKeys.hint(dataDirectory) : ""));
            }
            long bytes = copy(body);
            spec.commandLine().getErr().printf("exported %s: %.1f MB%n", kind, bytes / 1048576.0);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    private URI target() {
        List<String> query = new ArrayList<>();
        if (from != null) {
            query.add("from=" + URLEncoder.encode(day(from, "--from"), StandardCharsets.UTF_8));
        }
        if (to != null) {
            query.add("to=" + URLEncoder.encode(day(to, "--to"), StandardCharsets.UTF_8));
        }
        return server.resolve("/api/v1/ingest/export/" + kind + (query.isEmpty() ? "" : "?" + String.join("&", query)));
    }

    private static String day(String text, String option) {
        try {
            return LocalDate.parse(text.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + ": not a date (YYYY-MM-DD): '" + text + "'", e);
        }
    }

    /** The bytes as they arrive: stdout is not a PrintWriter here, so the file stays UTF-8 whatever the locale. */
    private long copy(InputStream body) throws IOException {
        if (output == null) {
            long bytes = body.transferTo(System.out);
            System.out.flush();
            return bytes;
        }
        try (OutputStream file = Files.newOutputStream(output)) {
            return body.transferTo(file);
        }
    }

    /** The problem detail's sentence, or the body as it is. */
    private static String detail(String body) {
        try {
            var detail = Json.MAPPER.readTree(body).get("detail");
            return detail != null ? detail.asString() : body;
        } catch (RuntimeException notJson) {
            return body;
        }
    }
}
