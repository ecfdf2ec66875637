package dev.newsflow.ingest.http;

/** The request body is larger than {@code ingest.max.body.bytes} (HTTP 413). */
final class PayloadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PayloadTooLargeException(String detail) {
        super(detail);
    }
}
