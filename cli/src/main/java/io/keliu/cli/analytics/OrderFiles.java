package io.keliu.cli.analytics;

import io.keliu.analytics.customers.OrdersCsv;
import io.keliu.analytics.io.Rejections;
import io.keliu.cli.Json;
import io.keliu.cli.UserInputException;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an orders file for {@code rfm}, {@code clv} and {@code rules} as the import reads it: bad rows are skipped and
 * reported on stderr as JSON ({@code {"rejected":N,"errors":[{"line","field","reason"}…],"errorsOmitted":M}}), unless
 * {@code --strict}; a file without one usable row is refused.
 */
final class OrderFiles {

    @Option(names = "--strict", description = "Refuse the orders file (exit code 2) if any row is bad, instead of"
            + " skipping bad rows and reporting them on stderr.")
    boolean strict;

    OrdersCsv.Result read(Path file, Charset charset, PrintWriter err) {
        OrdersCsv.Result result = Inputs.analyse(() -> OrdersCsv.standard().read(Inputs.existing(file), charset));
        check(file, result.rejections(), result.lines().isEmpty(), "order lines", strict, err);
        return result;
    }

    /**
     * Reports the skipped rows of a file read by an analytics reader, and refuses the file when nothing usable is
     * left or, under {@code strict}, when any row was skipped.
     *
     * @param what the usable rows, in words ("order lines")
     */
    static void check(Path file, Rejections rejections, boolean nothingLeft, String what, boolean strict,
                      PrintWriter err) {
        report(rejections, err);
        if (nothingLeft) {
            throw new UserInputException(file + ": no usable " + what + (rejections.rejected() == 0 ? ""
                    : "; all " + rejections.rejected() + " rows were rejected (the report above says why)"));
        }
        if (strict && rejections.rejected() > 0) {
            throw new UserInputException(file + ": " + rejections.rejected() + " rows were rejected (the report above"
                    + " says why) and --strict refuses a file with bad rows; fix them, or leave out --strict to skip"
                    + " them");
        }
    }

    /** The skipped rows of an input file, if any, as one line of JSON on stderr. */
    private static void report(Rejections rejections, PrintWriter err) {
        if (rejections.rejected() == 0) {
            return;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("rejected", rejections.rejected());
        report.put("errors", rejections.errors());
        report.put("errorsOmitted", rejections.errorsOmitted());
        err.println(Json.compact(report));
        err.flush();
    }
}
