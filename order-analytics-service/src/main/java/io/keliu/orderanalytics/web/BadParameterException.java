package io.keliu.orderanalytics.web;

/** A request parameter the service cannot use; answered 400 with a problem detail naming it. */
public class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
