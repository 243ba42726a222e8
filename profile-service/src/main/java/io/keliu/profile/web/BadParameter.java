package io.keliu.profile.web;

/** A query or path parameter the API cannot use: answered 400 with a problem detail naming it. */
public class BadParameter extends RuntimeException {
    private final String parameter;

    public BadParameter(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
