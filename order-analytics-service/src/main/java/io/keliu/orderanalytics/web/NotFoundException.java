package io.keliu.orderanalytics.web;

/** Something the path names does not exist; answered 404 with a problem detail that says what does. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
