package dev.newsflow.ingest.submit;

import dev.newsflow.platform.errors.NotFoundException;

/** The submission refers to an article ingest never accepted (HTTP 404), e.g. a kill of an unknown story. */
public final class ArticleNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public ArticleNotFoundException(String detail) {
        super(detail);
    }
}
