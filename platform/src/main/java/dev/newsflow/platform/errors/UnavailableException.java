package dev.newsflow.platform.errors;

/**
 * Something the service depends on (Kafka, a state store) cannot answer now; nothing was changed, and the same
 * request may succeed later (HTTP 503 with Retry-After).
 */
public class UnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String detail) {
        super(detail);
    }

    public UnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
