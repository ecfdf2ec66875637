package dev.newsflow.ingest.parse;

import dev.newsflow.platform.errors.InvalidInputException;

/**
 * The input was read but an article field is missing or wrong (HTTP 422). Names the field,
 * as a JSON-pointer-like path such as {@code headline} or {@code images/0/caption}.
 */
public final class InvalidArticleException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidArticleException(String field, String detail) {
        super(field, detail);
    }
}
