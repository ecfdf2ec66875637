package dev.newsflow.ingest.parse;

/** The request's Content-Type is not one ingest reads (HTTP 415). */
public final class UnsupportedMediaTypeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMediaTypeException(String detail) {
        super(detail);
    }
}
