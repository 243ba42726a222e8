package io.keliu.contracts.v1;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalQueries;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamps sources write: ISO-8601 with 'T' or a space, '-' or '/' between date parts, optional seconds
 * and fraction, an optional offset or 'Z'; a date alone means its first moment; 10 or 13 digits are epoch seconds or
 * milliseconds. Without an offset the platform's zone applies. The common shapes are parsed by hand: the
 * general-purpose formatter cost close to half of the decode time in the ingest benchmark.
 */
public final class Timestamps {
    private final ZoneId zone;
    private final ZoneOffset fixedOffset;

    public Timestamps(ZoneId zone) {
        this.zone = zone;
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant the text names; throws {@link DateTimeException} with a readable message when it names none. */
    public Instant parse(String text) {
        if (isDigits(text) && (text.length() == 10 || text.length() == 13)) {
            long epoch = Long.parseLong(text);
            return text.length() == 10 ? Instant.ofEpochSecond(epoch) : Instant.ofEpochMilli(epoch);
        }
        if (text.length() < 10 || !isDigits(text, 0, 4) || !isDigits(text, 5, 7) || !isDigits(text, 8, 10)
                || !isDateSeparator(text.charAt(4)) || text.charAt(7) != text.charAt(4)) {
            return parseGeneral(text);
        }
        LocalDate date = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        if (text.length() == 10) {
            return atZone(date.atStartOfDay());
        }
        return parseTime(text, date);
    }

    private Instant parseTime(String text, LocalDate date) {
        char separator = text.charAt(10);
        if ((separator != 'T' && separator != ' ') || text.length() < 16 || !isDigits(text, 11, 13)
                || text.charAt(13) != ':' || !isDigits(text, 14, 16)) {
            return parseGeneral(text);
        }
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = 0;
        int nanos = 0;
        int position = 16;
        if (position < text.length() && text.charAt(position) == ':') {
            if (!isDigits(text, 17, 19)) {
                return parseGeneral(text);
            }
            second = number(text, 17, 19);
            position = 19;
            if (position < text.length() && (text.charAt(position) == '.' || text.charAt(position) == ',')) {
                int start = ++position;
                while (position < text.length() && Character.isDigit(text.charAt(position)) && position - start < 9) {
                    position++;
                }
                if (position == start) {
                    return parseGeneral(text);
                }
                nanos = number(text, start, position) * (int) Math.pow(10, 9 - (position - start));
            }
        }
        LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
        if (position == text.length()) {
            return atZone(local);
        }
        if (text.indexOf('[', position) >= 0) {
            return parseGeneral(text);
        }
        return local.toInstant(offset(text.substring(position).strip(), text));
    }

    private static ZoneOffset offset(String suffix, String text) {
        if (suffix.equals("Z") || suffix.equals("z")) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneOffset.of(suffix);
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + text + "' has an offset we cannot read ('" + suffix + "')");
        }
    }

    private Instant atZone(LocalDateTime local) {
        return fixedOffset != null ? local.toInstant(fixedOffset) : local.atZone(zone).toInstant();
    }

    private Instant parseGeneral(String text) {
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneId written = parsed.query(TemporalQueries.zone());
            return written != null ? local.atZone(written).toInstant() : atZone(local);
        } catch (DateTimeException e) {
            throw new DateTimeException("'" + text + "' is not a date-time; write it like 2024-05-01T14:30:00+08:00, "
                    + "2024-05-01 14:30:00 or 2024-05-01");
        }
    }

    private static boolean isDateSeparator(char c) {
        return c == '-' || c == '/';
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && isDigits(text, 0, text.length());
    }

    private static boolean isDigits(String text, int from, int to) {
        if (to > text.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
