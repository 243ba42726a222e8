package io.keliu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A benchmark's markdown table for docs/benchmarks.md: what, subject, its reference in the same run, the target. */
final class ResultTable {
    private final List<String> rows = new ArrayList<>();

    /** Adds a row and prints it at once (a run that fails later keeps what it measured in its output). */
    void row(String what, String subject, String reference, String target) {
        rows.add("| " + what + " | " + subject + " | " + reference + " | " + target + " |");
        System.out.println(rows.getLast());
    }

    /** Prints the whole table and writes its rows to {@code file}. */
    void print(Path file) throws IOException {
        System.out.println();
        System.out.println("| what | subject | reference (same run) | target |");
        System.out.println("| --- | --- | --- | --- |");
        rows.forEach(System.out::println);
        Files.write(file, rows, StandardCharsets.UTF_8);
    }
}
