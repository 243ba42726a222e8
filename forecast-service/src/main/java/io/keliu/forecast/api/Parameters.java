package io.keliu.forecast.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/** Reads request parameters, refusing a bad value with a 400 that names the parameter and what would do. */
public final class Parameters {
    private Parameters() {
    }

    public static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new BadParameter(parameter, "is required, a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameter(parameter, "'" + value + "' is not a date; expected YYYY-MM-DD, e.g. 2026-05-01");
        }
    }

    /** A range of dates, from and to inclusive. */
    public static DateRange range(String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw new BadParameter("to", "is before from (" + last + " < " + first + ")");
        }
        return new DateRange(first, last);
    }

    public static int integer(String parameter, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new BadParameter(parameter, "'" + value + "' is not a whole number from " + min + " to " + max);
    }

    /** One of the enum's words as the API writes them (e.g. {@code orderType}), or the fallback when absent. */
    public static <E extends Enum<E>> E choice(String parameter, String value, E[] choices, Function<E, String> word,
                                               E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(choices).filter(choice -> word.apply(choice).toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new BadParameter(parameter, "'" + value + "' is not one of "
                        + Arrays.stream(choices).map(word).toList()));
    }
}
