package dev.newsflow.ingest.kafka;

import dev.newsflow.platform.errors.UnavailableException;

/** Kafka could not give back an accepted article in time (HTTP 503 with Retry-After); nothing changed. */
public final class ArticleUnreadableException extends UnavailableException {
    private static final long serialVersionUID = 1L;

    public ArticleUnreadableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
