package dev.newsflow.ingest.kafka;

import dev.newsflow.platform.article.EnrichedSizeBound;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes accepted versions to {@code articles-submitted}, keyed by article id, with
 * {@code acks=all} and idempotence, and waits for the acknowledgement (a batch request sends all its lines
 * first and then waits for them together, {@link #send}). The producer's own
 * delivery timeout equals the bound the caller waits, so a write that times out here has
 * also been given up by the producer: it is not sent again after the 503. Kafka cannot promise
 * more: a record the leader appended before it lost the replicas min.insync.replicas asks for
 * is committed once they are back (BrokerLossClusterIT sees it). The publisher's retry is then
 * the same version with the same content, which enrich suppresses: nothing is lost or doubled.
 *
 * <p>The record is encoded here, before the producer sees it, so that an article too large for the pipeline is
 * refused as such ({@link ArticleTooLargeException}, a 413 the publisher must not retry) instead of failing in Kafka
 * as "unavailable" (a 503 a client would retry forever). The limit is what still fits {@code record.max.bytes} once
 * enrich has worked on it ({@link EnrichedSizeBound}).
 */
public final class ArticleWriter implements ArticleSink, AutoCloseable {
    /** Extra time over the delivery timeout for the producer to report its own failure. */
    private static final long REPORT_MARGIN_MS = 5_000;

    /** After a failed write, /health reports DOWN this long unless a write succeeds first. */
    private static final long FAILURE_MEMORY_NANOS = 15_000_000_000L;

    private final Producer<String, byte[]> producer;
    private final Serializer<ArticleSubmitted> serializer;
    private final int maxArticleBytes;
    private final int recordMaxBytes;
    private volatile boolean lastWriteFailed;
    private volatile long lastFailureNanos;
    private final TopicSpec<String, ArticleSubmitted> topic;
    private final int timeoutMs;

    /**
     * @param recordMaxBytes the largest record this service writes ({@code record.max.bytes}); the producer may send
     *                       {@code maxRequestBytes}, which leaves room for headers and framing
     */
    public ArticleWriter(Map<String, Object> clientConfig, TopicSpec<String, ArticleSubmitted> topic, int timeoutMs,
                         int recordMaxBytes, int maxRequestBytes) {
        this.topic = topic;
        this.timeoutMs = timeoutMs;
        this.recordMaxBytes = recordMaxBytes;
        this.maxArticleBytes = EnrichedSizeBound.maxSubmittedBytes(recordMaxBytes);
        this.serializer = topic.valueSerde().serializer();
        this.producer = new KafkaProducer<>(producerConfig(clientConfig, timeoutMs, maxRequestBytes),
                topic.keySerde().serializer(), new ByteArraySerializer());
    }

    static Map<String, Object> producerConfig(Map<String, Object> clientConfig, int timeoutMs, int maxRequestBytes) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // delivery.timeout.ms must be >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, timeoutMs - 100));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
        return config;
    }

    /** Sends and waits for acks=all; throws {@link KafkaUnavailableException} when Kafka cannot take it in time. */
    @Override
    public AcceptedVersion write(ArticleSubmitted article, Map<String, String> headers) {
        return send(article, headers).await();
    }

    /** Sends without waiting; the producer batches what several callers send before they wait. */
    @Override
    public PendingWrite send(ArticleSubmitted article, Map<String, String> headers) {
        byte[] value;
        try {
            value = serializer.serialize(topic.name(), article);
        } catch (KafkaException e) {
            // The schema registry could not be reached, or refused the schema.
            throw failed(new KafkaUnavailableException("the article could not be encoded: " + e.getMessage(), e));
        }
        if (value.length > maxArticleBytes) {
            throw new ArticleTooLargeException(String.format(Locale.ROOT, "the article is %,d bytes once encoded; the "
                    + "limit is %,d bytes, so that it still fits Kafka's record limit of %,d bytes once enriched",
                    value.length, maxArticleBytes, recordMaxBytes));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), article.getArticleId(), value);
        headers.forEach((name, text) -> SubmissionHeaders.put(record.headers(), name, text));
        Future<RecordMetadata> sent;
        try {
            sent = producer.send(record);
        } catch (RecordTooLargeException e) {
            throw new ArticleTooLargeException("Kafka refused the article as too large: " + e.getMessage(), e);
        } catch (KafkaException e) {
            // Serialisation (registry unreachable) or metadata wait beyond max.block.ms.
            throw failed(new KafkaUnavailableException("Kafka could not take the write: " + e.getMessage(), e));
        }
        return () -> acknowledged(article, sent);
    }

    private AcceptedVersion acknowledged(ArticleSubmitted article, Future<RecordMetadata> sent) {
        try {
            RecordMetadata metadata = sent.get(timeoutMs + REPORT_MARGIN_MS, TimeUnit.MILLISECONDS);
            lastWriteFailed = false;
            return AcceptedVersion.of(article, metadata.partition(), metadata.offset());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                // The topic takes less than record.max.bytes (it was created with a smaller max.message.bytes).
                throw new ArticleTooLargeException("Kafka refused the article as too large: "
                        + e.getCause().getMessage(), e);
            }
            throw failed(new KafkaUnavailableException("Kafka did not acknowledge the write: " + e.getCause().getMessage(), e));
        } catch (TimeoutException e) {
            throw failed(new KafkaUnavailableException("Kafka did not acknowledge the write within " + timeoutMs + " ms", e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e);
        }
    }

    private KafkaUnavailableException failed(KafkaUnavailableException e) {
        lastFailureNanos = System.nanoTime();
        lastWriteFailed = true;
        return e;
    }

    /**
     * False while the latest write failed, for a while: long enough for a load balancer to notice,
     * short enough that a quiet service (no writes to prove recovery) comes back by itself.
     */
    public boolean healthy() {
        return !lastWriteFailed || System.nanoTime() - lastFailureNanos > FAILURE_MEMORY_NANOS;
    }

    /** The producer's own metrics (records sent, errors, batch sizes, latency) into the service's registry. */
    public AutoCloseable bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        return metrics;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
