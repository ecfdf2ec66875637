package dev.newsflow.ingest.submit;

import dev.newsflow.platform.errors.NotFoundException;

/**
 * The submission refers to an article ingest never accepted (HTTP 404), e.g. a kill of an unknown story;
 * {@code field} names what identified it ({@code guid}, {@code url}, {@code headline} or the path's {@code id}).
 */
public final class ArticleNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public ArticleNotFoundException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
