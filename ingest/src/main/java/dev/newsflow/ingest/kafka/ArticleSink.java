package dev.newsflow.ingest.kafka;

import dev.newsflow.schema.ArticleSubmitted;
import java.util.Map;

/** Where a new version goes before it counts as accepted: Kafka ({@link ArticleWriter}) in the service. */
@FunctionalInterface
public interface ArticleSink {
    /**
     * Writes the version with the given record headers and returns once it is durable;
     * throws {@link KafkaUnavailableException} when it could not be written in time.
     */
    AcceptedVersion write(ArticleSubmitted article, Map<String, String> headers);

    /**
     * Starts the write and returns without waiting for it, so that several writes can share one wait for
     * their acknowledgements. Refusals known before sending (too large, not encodable, Kafka unreachable)
     * are thrown here; the rest by {@link PendingWrite#await()}. By default the write happens here, in full.
     */
    default PendingWrite send(ArticleSubmitted article, Map<String, String> headers) {
        AcceptedVersion written = write(article, headers);
        return () -> written;
    }

    /** A write that has been sent; it counts as accepted only once {@link #await()} returns. */
    @FunctionalInterface
    interface PendingWrite {
        /** Waits until the write is durable; throws as {@link ArticleSink#write} does when it is not. */
        AcceptedVersion await();
    }
}
