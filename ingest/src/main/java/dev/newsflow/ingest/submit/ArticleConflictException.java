package dev.newsflow.ingest.submit;

/** The submission contradicts what was accepted before (HTTP 409), e.g. an update of a killed story. */
public final class ArticleConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ArticleConflictException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
