package dev.newsflow.platform.errors;

/**
 * Input that was read but breaks a rule: a missing headline, a filter on an unknown field, a partner without
 * feeds. Names the field at fault as a path ({@code headline}, {@code feeds[0].filter.topic}). Domain code throws
 * it; the HTTP edge answers 422 ({@link dev.newsflow.platform.http.ProblemMapping}), a Streams processor
 * dead-letters the record.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidInputException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public InvalidInputException(String field, String detail, Throwable cause) {
        super(detail, cause);
        this.field = field;
    }

    /** The path of the field at fault, or null when the input as a whole is. */
    public String field() {
        return field;
    }
}
