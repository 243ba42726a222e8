package io.keliu.orderanalytics.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads request parameters; anything unusable becomes a {@link BadParameterException} that names the parameter. */
public final class Parameters {
    private Parameters() {
    }

    /**
     * A time range from two optional parameters. A date means its first moment in {@code zone}, except that a date
     * as {@code to} includes that whole day; a date-time as {@code to} is exclusive. Without {@code from} the range
     * starts today; without {@code to} it ends with today.
     */
    public static TimeRange range(String fromName, String from, String toName, String to, ZoneId zone,
                                  Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant start = from == null || from.isBlank() ? today.atStartOfDay(zone).toInstant()
                : moment(fromName, from, zone, false);
        Instant end = to == null || to.isBlank() ? today.plusDays(1).atStartOfDay(zone).toInstant()
                : moment(toName, to, zone, true);
        if (!end.isAfter(start)) {
            throw new BadParameterException(toName, "'" + to + "' is not after " + fromName + " '" + from
                    + "'; give a range that ends after it starts");
        }
        return new TimeRange(start, end);
    }

    private static Instant moment(String name, String text, ZoneId zone, boolean end) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new BadParameterException(name, "'" + text + "' is not a date or date-time; write it like"
                    + " 2024-12-01, 2024-12-01T08:00 or 2024-12-01T08:00:00+08:00");
        }
    }

    /** An enumeration constant named by its API word (case ignored), or {@code fallback} when absent. */
    public static <E extends Enum<E> & ApiWord> E word(String name, String text, Class<E> type, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.word().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw new BadParameterException(name, "'" + text + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(ApiWord::word).collect(Collectors.joining(", ")));
    }

    public static int integer(String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException(name, "'" + text + "' is not a whole number from " + min + " to " + max);
    }

    public static double decimal(String name, String text, double fallback, double min, double max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException(name, "'" + text + "' is not a number from " + min + " to " + max);
    }

    /** A constant's word in the API: the lower camel case of its name unless it says otherwise. */
    public interface ApiWord {
        String name();

        default String word() {
            String[] parts = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder word = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                word.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return word.toString();
        }
    }

    /** [from, to): {@code to} exclusive. */
    public record TimeRange(Instant from, Instant to) {
    }
}
