package dev.newsflow.ingest.parse;

/**
 * The input was read but an article field is missing or wrong (HTTP 422). Names the field,
 * as a JSON-pointer-like path such as {@code headline} or {@code images/0/caption}.
 */
public final class InvalidArticleException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidArticleException(String field, String detail) {
        super(detail);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
