package io.keliu.profile.web;

/** Something the caller asked for by id does not exist: 404 problem detail. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
