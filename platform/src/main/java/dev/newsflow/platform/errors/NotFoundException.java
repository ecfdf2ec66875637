package dev.newsflow.platform.errors;

/** What a request names does not exist (HTTP 404): an unknown partner, a kill of a story never accepted. */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String detail) {
        super(detail);
    }
}
