package io.keliu.analytics.forecast;

/** Input a caller can correct (an unparsable line, an unknown column, a series too short to forecast). */
public class ForecastInputException extends IllegalArgumentException {
    public ForecastInputException(String message) {
        super(message);
    }
}
