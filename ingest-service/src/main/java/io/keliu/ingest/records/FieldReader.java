package io.keliu.ingest.records;

import io.keliu.contracts.v1.FieldError;
import io.keliu.contracts.v1.Flags;
import io.keliu.contracts.v1.Timestamps;
import io.keliu.contracts.v1.Vocabulary;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed values out of one raw record and collects a {@link FieldError} for every field that is missing or
 * wrong, so that a rejected record reports all its faults at once. Each method returns null when the field failed.
 */
public final class FieldReader {
    /** No source legitimately sends timestamps from before this, but typos like 0202 or 1900 are common. */
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    /** Clocks drift and zones get mixed up; a day ahead is tolerated, more is a wrong date. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);
    private static final int MAX_DECIMAL_PLACES = 4;
    private static final BigDecimal TOO_LARGE = BigDecimal.TEN.pow(14);

    private final FieldSet fields;
    private final RawRecord raw;
    private final Timestamps timestamps;
    private final Instant now;
    private final List<FieldError> errors = new ArrayList<>(2);

    public FieldReader(FieldSet fields, RawRecord raw, Timestamps timestamps, Instant now) {
        this.fields = fields;
        this.raw = raw;
        this.timestamps = timestamps;
        this.now = now;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void reject(int field, String reason) {
        errors.add(new FieldError(raw.line(), field < 0 ? null : fields.name(field), reason));
    }

    public String requiredText(int field, int maxLength) {
        String text = raw.value(field);
        if (text == null) {
            reject(field, "is required but empty");
            return null;
        }
        return checkLength(field, text, maxLength);
    }

    public String optionalText(int field, int maxLength) {
        String text = raw.value(field);
        return text == null ? null : checkLength(field, text, maxLength);
    }

    /** An identifier: text that also holds no control characters (tab and line breaks included). */
    public String requiredId(int field, int maxLength) {
        String text = requiredText(field, maxLength);
        return text == null ? null : checkNoControls(field, text);
    }

    public String optionalId(int field, int maxLength) {
        String text = optionalText(field, maxLength);
        return text == null ? null : checkNoControls(field, text);
    }

    /**
     * Text a person wrote (a message, a complaint): it may run over several lines and hold tabs, but no other control
     * character, which no one types and which would only garble what is shown.
     */
    public String requiredProse(int field, int maxLength) {
        String text = requiredText(field, maxLength);
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return rejectCharacter(field, c, i, "is not allowed in text; only line breaks and tabs are");
            }
        }
        return text;
    }

    private String checkLength(int field, String text, int maxLength) {
        if (text.length() > maxLength) {
            reject(field, "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
            return null;
        }
        return checkStorable(field, text);
    }

    /** PostgreSQL text cannot hold NUL, and UTF-8 cannot encode half a surrogate pair: such text would change. */
    private String checkStorable(int field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0 || Character.isHighSurrogate(c) && (i + 1 == text.length()
                    || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return rejectCharacter(field, c, i, "cannot be stored; remove it or fix the source's encoding");
            }
        }
        return text;
    }

    private String checkNoControls(int field, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return rejectCharacter(field, text.charAt(i), i, "is not allowed in an identifier or a code");
            }
        }
        return text;
    }

    /** Names the character by its code, never quoting it: the reason itself must be storable and readable. */
    private String rejectCharacter(int field, char c, int at, String why) {
        String kind = Character.isSurrogate(c) ? "half a surrogate pair" : "a control character";
        reject(field, String.format("contains %s (U+%04X) at character %d, which %s", kind, (int) c, at + 1, why));
        return null;
    }

    public Instant requiredInstant(int field) {
        if (raw.value(field) == null) {
            reject(field, "is required but empty");
            return null;
        }
        return optionalInstant(field);
    }

    public Instant optionalInstant(int field) {
        String text = raw.value(field);
        if (text == null) {
            return null;
        }
        Instant instant;
        try {
            instant = timestamps.parse(text);
        } catch (DateTimeException e) {
            reject(field, e.getMessage());
            return null;
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(now.plus(FUTURE_TOLERANCE))) {
            reject(field, "'" + text + "' is outside the plausible range (1990 until tomorrow)");
            return null;
        }
        return instant;
    }

    public Integer requiredInteger(int field, long min, long max) {
        if (raw.value(field) == null) {
            reject(field, "is required but empty");
            return null;
        }
        return optionalInteger(field, min, max);
    }

    public Integer optionalInteger(int field, long min, long max) {
        String text = raw.value(field);
        if (text == null) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(stripTrailingZeroFraction(text));
        } catch (NumberFormatException e) {
            reject(field, "'" + text + "' is not a whole number");
            return null;
        }
        if (value < min || value > max) {
            reject(field, value + " is out of range [" + min + ", " + max + "]");
            return null;
        }
        return (int) value;
    }

    /** Spreadsheets write whole numbers as "3.0"; that is still 3. */
    private static String stripTrailingZeroFraction(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        for (int i = dot + 1; i < text.length(); i++) {
            if (text.charAt(i) != '0') {
                return text;
            }
        }
        return text.substring(0, dot);
    }

    public BigDecimal requiredDecimal(int field) {
        if (raw.value(field) == null) {
            reject(field, "is required but empty");
            return null;
        }
        return optionalDecimal(field);
    }

    /** Exact decimal; tolerates a currency sign and thousands separators ("¥1,299.00"). */
    public BigDecimal optionalDecimal(int field) {
        String text = raw.value(field);
        if (text == null) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(withoutCurrency(text));
        } catch (NumberFormatException e) {
            reject(field, "'" + text + "' is not a number");
            return null;
        }
        if (value.scale() > MAX_DECIMAL_PLACES && value.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            reject(field, "'" + text + "' has more than " + MAX_DECIMAL_PLACES + " decimal places");
            return null;
        }
        if (value.abs().compareTo(TOO_LARGE) >= 0) {
            reject(field, "'" + text + "' is too large");
            return null;
        }
        return Decimals.canonical(value);
    }

    private static String withoutCurrency(String text) {
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ',' && c != '¥' && c != '￥' && c != '$' && c != ' ' && c != '元') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    public <E extends Enum<E>> E requiredWord(int field, Vocabulary<E> vocabulary) {
        if (raw.value(field) == null) {
            reject(field, "is required but empty; use one of " + vocabulary.describe());
            return null;
        }
        return optionalWord(field, vocabulary);
    }

    public <E extends Enum<E>> E optionalWord(int field, Vocabulary<E> vocabulary) {
        String text = optionalId(field, Integer.MAX_VALUE);
        if (text == null) {
            return null;
        }
        E value = vocabulary.lookup(text).orElse(null);
        if (value == null) {
            reject(field, "'" + text + "' is not a known value; use one of " + vocabulary.describe()
                    + " (or its Chinese word)");
        }
        return value;
    }

    public boolean optionalBoolean(int field) {
        String text = raw.value(field);
        if (text == null) {
            return false;
        }
        Optional<Boolean> flag = Flags.parse(text);
        if (flag.isEmpty()) {
            reject(field, "'" + text + "' is not true or false (accepted: " + Flags.ACCEPTED + ")");
        }
        return flag.orElse(false);
    }
}
