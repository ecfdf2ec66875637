package dev.newsflow.ingest.kafka;

import dev.newsflow.platform.errors.UnavailableException;

/** Kafka did not acknowledge a write within the bound (HTTP 503 with Retry-After): nothing was accepted. */
public final class KafkaUnavailableException extends UnavailableException {
    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
