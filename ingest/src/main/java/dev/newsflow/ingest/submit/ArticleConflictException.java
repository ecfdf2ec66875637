package dev.newsflow.ingest.submit;

import dev.newsflow.platform.errors.ConflictException;

/** The submission contradicts what was accepted before (HTTP 409), e.g. an update of a killed story. */
public final class ArticleConflictException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public ArticleConflictException(String field, String detail) {
        super(field, detail);
    }
}
