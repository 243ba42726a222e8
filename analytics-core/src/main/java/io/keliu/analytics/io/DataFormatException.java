package io.keliu.analytics.io;

/**
 * Input that cannot be analysed as given and that a person can correct: a missing column, an unparsable number or
 * date, an empty file, a series too short to forecast, an option out of range. The message names the place (file,
 * line, column) or the setting, so that a person can fix the input without reading code.
 */
public class DataFormatException extends IllegalArgumentException {

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
