package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schemas.serde.BufferedAvroEncoding;
import dev.newsflow.syndicate.cache.DecodedByBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.DatumWriter;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the feed-state store's values: Avro single-object encoding (schema fingerprint + binary).
 * The store's changelog is internal to this service, so it needs no registry subject; with
 * auto-registration off in production the catalogue's registry serde could not write it.
 */
public final class ArticleStateSerde implements Serde<EnrichedArticle> {
    /**
     * Heap of a decoded article per byte of its encoding: its text as Java strings plus the objects of its
     * entities, topics and images. Measured 3.0-3.4 on the bench corpus (short, ~500- and ~2,000-word articles;
     * heap retained by 2,048 decoded articles over their encoded bytes).
     */
    static final int DECODED_BYTES_PER_STORED_BYTE = 3;

    /** What {@link EnrichedArticle#toByteBuffer()} writes, without its direct encoder (see {@link BufferedAvroEncoding}). */
    private static final byte[] HEADER = BufferedAvroEncoding.singleObjectHeader(EnrichedArticle.getClassSchema());
    private static final DatumWriter<EnrichedArticle> WRITER = BufferedAvroEncoding.specificWriter(
            EnrichedArticle.class, EnrichedArticle.getClassSchema());

    private final Deserializer<EnrichedArticle> deserializer;

    /** Decodes every read. */
    public ArticleStateSerde() {
        this(0);
    }

    /**
     * @param decodedCacheBytes heap budget of the decoded articles kept by their stored bytes (see
     *                          {@link DecodedByBytes}), shared by every reader of the store; 0 keeps none
     */
    public ArticleStateSerde(long decodedCacheBytes) {
        Deserializer<EnrichedArticle> decoder = ArticleStateSerde::decode;
        this.deserializer = decodedCacheBytes == 0 ? decoder
                : new DecodedByBytes<>(decoder, decodedCacheBytes, DECODED_BYTES_PER_STORED_BYTE);
    }

    @Override
    public Serializer<EnrichedArticle> serializer() {
        return (topic, article) -> {
            if (article == null) {
                return null;
            }
            try {
                return BufferedAvroEncoding.encode(HEADER, WRITER, article);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot encode article " + article.getArticleId(), e);
            }
        };
    }

    @Override
    public Deserializer<EnrichedArticle> deserializer() {
        return deserializer;
    }

    private static EnrichedArticle decode(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return EnrichedArticle.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a stored article", e);
        }
    }
}
