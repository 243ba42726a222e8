package io.keliu.profile.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads query parameters, answering a {@link BadParameter} that says what would be accepted. */
public final class Parameters {
    private Parameters() {
    }

    public static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, "'" + value + "' is not a date; use YYYY-MM-DD, e.g. 1997-09-30");
        }
    }

    public static int range(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new BadParameter(name, value + " is out of range; use " + min + " to " + max);
        }
        return value;
    }

    public static double range(String name, double value, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new BadParameter(name, value + " is out of range; use " + min + " to " + max);
        }
        return value;
    }

    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        String normalised = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace("_", "").equals(normalised.replace("_", ""))) {
                return constant;
            }
        }
        throw new BadParameter(name, "'" + value + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
}
