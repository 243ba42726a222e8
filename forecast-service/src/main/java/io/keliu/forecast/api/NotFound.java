package io.keliu.forecast.api;

import org.springframework.http.HttpStatus;

/** 404 for something named by a parameter that does not exist, saying what does. */
public class NotFound extends BadParameter {

    public NotFound(String parameter, String detail) {
        super(HttpStatus.NOT_FOUND, "Not found: " + parameter, detail, parameter);
    }
}
