package io.keliu.cli;

import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** One in-process run of {@code keliu ...}, with what it printed. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = KeliuCli.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    public JsonNode json() {
        return Json.MAPPER.readTree(out);
    }

    /** A file under src/test/resources/data (see the README there). */
    public static String data(String name) {
        try {
            return Path.of(CliRun.class.getResource("/data/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
