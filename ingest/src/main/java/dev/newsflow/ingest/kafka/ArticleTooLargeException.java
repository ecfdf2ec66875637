package dev.newsflow.ingest.kafka;

/**
 * The article is larger than the pipeline can carry (HTTP 413): sending it again will not help, unlike
 * {@link KafkaUnavailableException}.
 */
public final class ArticleTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArticleTooLargeException(String detail) {
        super(detail);
    }

    public ArticleTooLargeException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
