package io.keliu.cli;

/** Input the user can correct (a missing column, an unparsable date, an empty file): reported in one line. */
public class UserInputException extends RuntimeException {
    public static final int EXIT_CODE = 2;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
