package dev.newsflow.ingest.kafka;

import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Writes accepted versions to {@code articles-submitted}, keyed by article id, with
 * {@code acks=all} and idempotence, and waits for the acknowledgement. The producer's own
 * delivery timeout equals the bound the caller waits, so a write that times out here has
 * also been given up by the producer: a 503 answer never hides a write that lands later.
 */
public final class ArticleWriter implements ArticleSink, AutoCloseable {
    /** Extra time over the delivery timeout for the producer to report its own failure. */
    private static final long REPORT_MARGIN_MS = 5_000;

    /** After a failed write, /health reports DOWN this long unless a write succeeds first. */
    private static final long FAILURE_MEMORY_NANOS = 15_000_000_000L;

    private final Producer<String, ArticleSubmitted> producer;
    private volatile boolean lastWriteFailed;
    private volatile long lastFailureNanos;
    private final TopicSpec<String, ArticleSubmitted> topic;
    private final int timeoutMs;

    public ArticleWriter(Map<String, Object> clientConfig, TopicSpec<String, ArticleSubmitted> topic, int timeoutMs) {
        this.topic = topic;
        this.timeoutMs = timeoutMs;
        this.producer = new KafkaProducer<>(producerConfig(clientConfig, timeoutMs), topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    static Map<String, Object> producerConfig(Map<String, Object> clientConfig, int timeoutMs) {
        Map<String, Object> config = new HashMap<>(clientConfig);
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
        ProducerRecord<String, ArticleSubmitted> record = new ProducerRecord<>(topic.name(), article.getArticleId(), article);
        headers.forEach((name, value) -> SubmissionHeaders.put(record.headers(), name, value));
        Future<RecordMetadata> sent;
        try {
            sent = producer.send(record);
        } catch (KafkaException e) {
            // Serialisation (registry unreachable) or metadata wait beyond max.block.ms.
            throw failed(new KafkaUnavailableException("Kafka could not take the write: " + e.getMessage(), e));
        }
        try {
            RecordMetadata metadata = sent.get(timeoutMs + REPORT_MARGIN_MS, TimeUnit.MILLISECONDS);
            lastWriteFailed = false;
            return AcceptedVersion.of(article, metadata.partition(), metadata.offset());
        } catch (ExecutionException e) {
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

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
