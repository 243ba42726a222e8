package io.keliu.notify.web;

/** Answered as a 404 problem detail. */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what);
    }
}
