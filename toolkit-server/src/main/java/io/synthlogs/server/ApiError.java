package io.synthlogs.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client mistake, answered with {@code status} and {@code {"error": …, "field": …, "allowed": …}}.
 * Thrown anywhere in a handler; the exception handler in {@link Routes} writes the body.
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;
    private final transient Object allowed;

    ApiError(int status, String message, String field, Object allowed) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
        this.allowed = allowed;
    }

    /** A 400 naming the field, the problem and what is allowed. */
    static ApiError badRequest(String field, String message, Object allowed) {
        return new ApiError(400, message, field, allowed);
    }

    int status() {
        return status;
    }

    /** The JSON body: error, field and allowed, in that order. */
    Map<String, Object> body() {
        return body(getMessage(), field, allowed);
    }

    static Map<String, Object> body(String error, String field, Object allowed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("field", field);
        m.put("allowed", allowed);
        return m;
    }
}
