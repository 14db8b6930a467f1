package org.openhotline.shared;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user should read: the HTTP status says what kind, the message says in Chinese why. Thrown by
 * aggregates and use cases; turned into an RFC 9457 problem body by {@code ProblemAnswers}.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public DomainException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static DomainException notFound(String message) {
        return new DomainException(HttpStatus.NOT_FOUND, "not-found", message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(HttpStatus.CONFLICT, "conflict", message);
    }

    public static DomainException invalid(String message) {
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", message);
    }

    public static DomainException badRequest(String message) {
        return new DomainException(HttpStatus.BAD_REQUEST, "bad-request", message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    /** Adds a member to the problem body, e.g. the row errors of a rejected import. */
    public DomainException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return properties;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
