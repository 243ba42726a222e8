package io.keliu.cli.analytics;

import io.keliu.analytics.io.CsvTable;
import io.keliu.cli.UserInputException;

import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** What the analytics commands share: reading input files and turning bad input into one clear error line. */
final class Inputs {

    private Inputs() {
    }

    static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no such file: " + file);
        }
        return file;
    }

    static CsvTable csv(Path file, Charset charset) {
        return CsvTable.read(existing(file), charset, CsvTable.Comments.NONE);
    }

    static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + ": not a date (YYYY-MM-DD): '" + text + "'", e);
        }
    }

    /**
     * Runs an analysis; input the analytics reject (a missing column, an unparsable cell, an unreadable file) becomes
     * a {@link UserInputException}, which the command line reports as one "error: ..." line with exit code 2.
     */
    static <T> T analyse(Supplier<T> analysis) {
        try {
            return analysis.get();
        } catch (UserInputException e) {
            throw e;
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
