package io.keliu.analytics.io;

/**
 * Input that cannot be analysed as given: a missing column, an unparsable number or date, an empty file. The message
 * names the place (file, line, column) so that a person can fix the input without reading code.
 */
public class DataFormatException extends IllegalArgumentException {

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
