package io.keliu.forecast.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request parameter (or uploaded field) the service cannot use: 400, a problem detail naming it. */
public class BadParameter extends ErrorResponseException {

    public BadParameter(String parameter, String detail) {
        super(HttpStatus.BAD_REQUEST, problem(HttpStatus.BAD_REQUEST, "Bad parameter: " + parameter,
                parameter + ": " + detail, parameter), null);
    }

    protected BadParameter(HttpStatus status, String title, String detail, String parameter) {
        super(status, problem(status, title, detail, parameter), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String parameter) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
