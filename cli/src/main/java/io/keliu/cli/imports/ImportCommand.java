package io.keliu.cli.imports;

import io.keliu.cli.ApiKeys;

import io.keliu.cli.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Streams a CSV or NDJSON file to the running platform's import API and prints the JSON summary it answers. Progress
 * goes to stderr: the server reads the body as it imports, so bytes sent track rows imported.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import orders, profiles, logs or feedback from a CSV (with header) or NDJSON file into a"
                + " running platform.")
public final class ImportCommand implements Callable<Integer> {

    enum Kind { orders, profiles, logs, feedback }

    @Parameters(index = "0", description = "What the file holds: ${COMPLETION-CANDIDATES}.")
    Kind kind;

    @Parameters(index = "1", description = "The file: .csv, or .ndjson/.jsonl for one JSON object per line.")
    Path file;

    @Option(names = "--server", defaultValue = "${KELIU_SERVER:-http://localhost:8080}",
            description = "The platform's address (default: ${DEFAULT-VALUE}).")
    URI server;

    @Option(names = "--charset", description = "The file's encoding when it is not UTF-8, e.g. GBK.")
    String charset;

    @Option(names = "--api-key", defaultValue = "${KELIU_API_KEY}", description = "An API key with the OPS,"
            + " INTEGRATOR or ADMIN role (default: KELIU_API_KEY, else the local stack's admin key in"
            + " <data-dir>/admin-api-key when the server is this machine).")
    String apiKey;

    @Option(names = "--data-dir", defaultValue = "${KELIU_DATA_DIR:-${sys:user.home}/.keliu}",
            description = "The local stack's data directory, where its admin API key is (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no such file: " + file);
        }
        long size = Files.size(file);
        URI target = server.resolve("/api/v1/imports/" + kind + (charset == null ? "" : "?charset=" + charset));
        HttpRequest request = HttpRequest.newBuilder(target)
                .header("Content-Type", contentType(file))
                .header("Authorization", "Bearer " + apiKey())
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> progress(file, size)), size))
                .build();
        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException refused) {
            throw new UserInputException("cannot reach the platform at " + server
                    + "; start it with 'bin/keliu up' or pass --server URL");
        }
        spec.commandLine().getErr().println();
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().println(response.body());
        if (response.statusCode() >= 400) {
            spec.commandLine().getErr().println("error: the import was refused (HTTP " + response.statusCode() + ")"
                    + (response.statusCode() == 401 ? "; check the API key" : ""));
            return UserInputException.EXIT_CODE;
        }
        return 0;
    }

    private String apiKey() {
        return ApiKeys.resolve(apiKey, dataDirectory, server)
                .orElseThrow(() -> new UserInputException("no API key: " + ApiKeys.hint(dataDirectory)));
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json")
                ? "application/x-ndjson" : "text/csv";
    }

    private InputStream progress(Path path, long size) {
        try {
            return new ProgressStream(Files.newInputStream(path), size, spec.commandLine().getErr());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Prints "importing: 37% (370.0 of 1000.0 MB)" on stderr at most once per percent. */
    private static final class ProgressStream extends FilterInputStream {
        private final long size;
        private final java.io.PrintWriter err;
        private long sent;
        private long lastPercent = -1;

        ProgressStream(InputStream in, long size, java.io.PrintWriter err) {
            super(in);
            this.size = Math.max(size, 1);
            this.err = err;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                sent += n;
                long percent = sent * 100 / size;
                if (percent != lastPercent) {
                    lastPercent = percent;
                    err.printf("\rimporting: %d%% (%.1f of %.1f MB)", percent, sent / 1048576.0, size / 1048576.0);
                    err.flush();
                }
            }
            return n;
        }
    }
}
