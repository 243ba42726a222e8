package io.keliu.cli;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;

/** The JSON every command prints: one document on stdout, indented for people, stable for scripts. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {
    }

    /** One line, for reports on stderr that scripts read. */
    public static String compact(Object document) {
        return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document);
    }

    public static void print(PrintWriter out, Object document) {
        out.println(MAPPER.writeValueAsString(document));
        out.flush();
    }
}
