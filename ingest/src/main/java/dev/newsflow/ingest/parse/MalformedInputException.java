package dev.newsflow.ingest.parse;

/** The input could not be read at all, e.g. JSON that does not parse (HTTP 400). */
public final class MalformedInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedInputException(String detail, Throwable cause) {
        super(detail, cause);
    }

    public MalformedInputException(String detail) {
        super(detail);
    }
}
