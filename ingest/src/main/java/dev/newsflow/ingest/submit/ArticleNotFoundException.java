package dev.newsflow.ingest.submit;

/** The submission refers to an article ingest never accepted (HTTP 404), e.g. a kill of an unknown story. */
public final class ArticleNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArticleNotFoundException(String detail) {
        super(detail);
    }
}
