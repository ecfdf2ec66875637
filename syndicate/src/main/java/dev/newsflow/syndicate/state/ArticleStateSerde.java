package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the feed-state store's values: Avro single-object encoding (schema fingerprint + binary).
 * The store's changelog is internal to this service, so it needs no registry subject; with
 * auto-registration off in production the catalogue's registry serde could not write it.
 */
public final class ArticleStateSerde implements Serde<EnrichedArticle> {
    @Override
    public Serializer<EnrichedArticle> serializer() {
        return (topic, article) -> {
            if (article == null) {
                return null;
            }
            try {
                ByteBuffer buffer = article.toByteBuffer();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode article " + article.getArticleId(), e);
            }
        };
    }

    @Override
    public Deserializer<EnrichedArticle> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return EnrichedArticle.fromByteBuffer(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot decode a stored article", e);
            }
        };
    }
}
