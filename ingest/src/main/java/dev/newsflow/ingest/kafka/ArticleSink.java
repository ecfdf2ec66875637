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
}
