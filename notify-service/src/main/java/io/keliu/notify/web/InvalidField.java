package io.keliu.notify.web;

/** A request field the service cannot use; answered as a 400 problem detail naming the field. */
public class InvalidField extends RuntimeException {
    private final String field;

    public InvalidField(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
