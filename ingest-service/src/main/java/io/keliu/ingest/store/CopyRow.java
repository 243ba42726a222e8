package io.keliu.ingest.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

/**
 * Encodes rows for {@code COPY … (FORMAT csv)} straight to UTF-8 bytes: an unquoted empty field is NULL, a quoted
 * one an empty string. The bytes of each row also identify its content (the change-event id is derived from them).
 * One instance is reused for every row of a batch, so that a row costs one array, not a builder, a string and a copy
 * (the ingest benchmark allocated a quarter of its garbage here).
 */
public final class CopyRow {
    private static final long SECONDS_PER_DAY = 86_400;
    /** Instants from 1970 to 9999 format by hand; others (never accepted by validation) by the JDK. */
    private static final long FIRST_FAST_EPOCH_SECOND = 0;
    private static final long LAST_FAST_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private byte[] buffer = new byte[512];
    private int length;
    private boolean firstField = true;

    public CopyRow text(String value) {
        separate();
        if (value != null) {
            quoted(value);
        }
        return this;
    }

    public CopyRow word(Enum<?> value) {
        return plain(value == null ? null : value.name());
    }

    /** ISO-8601 in UTC, as {@link Instant#toString()} writes it. */
    public CopyRow instant(Instant value) {
        separate();
        if (value == null) {
            return this;
        }
        long seconds = value.getEpochSecond();
        if (seconds < FIRST_FAST_EPOCH_SECOND || seconds > LAST_FAST_EPOCH_SECOND || value.getNano() % 1000 != 0) {
            ascii(value.toString());
        } else {
            isoUtc(seconds, value.getNano() / 1000);
        }
        return this;
    }

    public CopyRow decimal(BigDecimal value) {
        return plain(value == null ? null : value.toPlainString());
    }

    public CopyRow integer(Integer value) {
        separate();
        if (value != null) {
            ascii(Integer.toString(value));
        }
        return this;
    }

    public CopyRow bool(boolean value) {
        separate();
        put(value ? (byte) 't' : (byte) 'f');
        return this;
    }

    /** Ends the row and returns its bytes (without the line break); the next call starts a new row. */
    public byte[] end() {
        byte[] row = Arrays.copyOf(buffer, length);
        length = 0;
        firstField = true;
        return row;
    }

    private CopyRow plain(String value) {
        separate();
        if (value != null) {
            ascii(value);
        }
        return this;
    }

    private void separate() {
        if (!firstField) {
            put((byte) ',');
        }
        firstField = false;
    }

    /** Quotes doubled, NUL characters dropped (PostgreSQL text cannot hold them), lone surrogates as '?'. */
    private void quoted(String value) {
        ensure(value.length() * 3 + 2);
        buffer[length++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    buffer[length++] = '"';
                }
                if (c != '\0') {
                    buffer[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                buffer[length++] = (byte) (0xc0 | c >> 6);
                buffer[length++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int point = Character.toCodePoint(c, value.charAt(++i));
                buffer[length++] = (byte) (0xf0 | point >> 18);
                buffer[length++] = (byte) (0x80 | point >> 12 & 0x3f);
                buffer[length++] = (byte) (0x80 | point >> 6 & 0x3f);
                buffer[length++] = (byte) (0x80 | point & 0x3f);
            } else if (Character.isSurrogate(c)) {
                buffer[length++] = '?';
            } else {
                buffer[length++] = (byte) (0xe0 | c >> 12);
                buffer[length++] = (byte) (0x80 | c >> 6 & 0x3f);
                buffer[length++] = (byte) (0x80 | c & 0x3f);
            }
        }
        buffer[length++] = '"';
    }

    private void ascii(String value) {
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer[length++] = (byte) value.charAt(i);
        }
    }

    /** yyyy-MM-ddTHH:mm:ss[.ffffff]Z with the fraction trimmed of trailing zeros to 3 or 6 digits, as the JDK does. */
    private void isoUtc(long epochSecond, int micros) {
        long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm), valid for the proleptic Gregorian calendar.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        ensure(28);
        digits(year, 4);
        buffer[length++] = '-';
        digits(month, 2);
        buffer[length++] = '-';
        digits(day, 2);
        buffer[length++] = 'T';
        digits(secondOfDay / 3600, 2);
        buffer[length++] = ':';
        digits(secondOfDay / 60 % 60, 2);
        buffer[length++] = ':';
        digits(secondOfDay % 60, 2);
        if (micros != 0) {
            buffer[length++] = '.';
            if (micros % 1000 == 0) {
                digits(micros / 1000, 3);
            } else {
                digits(micros, 6);
            }
        }
        buffer[length++] = 'Z';
    }

    private void digits(int value, int width) {
        for (int i = length + width - 1; i >= length; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
