package dev.newsflow.platform.errors;

/** The request contradicts what exists (HTTP 409): a partner id taken, an update of a killed story. */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }
}
