package dev.newsflow.platform.errors;

/** Input that cannot be read at all: JSON that does not parse, text in an unknown charset (HTTP 400). */
public class MalformedInputException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public MalformedInputException(String field, String detail) {
        super(field, detail);
    }

    public MalformedInputException(String field, String detail, Throwable cause) {
        super(field, detail, cause);
    }
}
