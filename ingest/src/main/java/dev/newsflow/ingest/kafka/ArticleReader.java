package dev.newsflow.ingest.kafka;

import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one accepted version back from {@code articles-submitted} at the partition and offset
 * the ledger kept, for the answers that return the whole article. One consumer without a group,
 * assigned to the wanted partition and positioned by seek; a KafkaConsumer must not be used by
 * two threads at once, so reads take turns, and waiting for a turn counts against the timeout.
 */
public final class ArticleReader implements AutoCloseable {
    /** The broker sends at least one whole batch anyway; a small limit avoids fetching far past the record. */
    private static final int FETCH_BYTES = 256 * 1024;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Deserializer<ArticleSubmitted> values;
    private final String topic;
    private final Duration timeout;
    private final ReentrantLock turn = new ReentrantLock();
    private boolean closed;

    public ArticleReader(Map<String, Object> clientConfig, TopicSpec<String, ArticleSubmitted> topic, Duration timeout) {
        this.topic = topic.name();
        this.timeout = timeout;
        this.values = topic.valueSerde().deserializer();
        this.consumer = new KafkaConsumer<>(consumerConfig(clientConfig), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private static Map<String, Object> consumerConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A position that is no longer on the topic is an error to report, never a jump elsewhere.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-ingest-reader");
        return config;
    }

    /**
     * The article written at {@code where}; throws {@link ArticleUnreadableException} when Kafka
     * does not give it within the timeout or the record there is not that version.
     */
    public ArticleSubmitted read(AcceptedVersion where) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!turn.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw unreadable(where, "other reads kept the reader busy for " + timeout.toMillis() + " ms", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreadable(where, "interrupted", e);
        }
        try {
            if (closed) {
                throw unreadable(where, "the reader is closed", null);
            }
            return readAt(where, deadline);
        } catch (KafkaException e) {
            throw unreadable(where, e.getMessage(), e);
        } finally {
            turn.unlock();
        }
    }

    private ArticleSubmitted readAt(AcceptedVersion where, long deadline) {
        TopicPartition partition = new TopicPartition(topic, where.partition());
        consumer.assign(List.of(partition));
        consumer.seek(partition, where.offset());
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw unreadable(where, "Kafka did not return it within " + timeout.toMillis() + " ms", null);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofNanos(left))) {
                if (record.offset() > where.offset()) {
                    throw unreadable(where, "the record is no longer on the topic", null);
                }
                if (record.offset() == where.offset()) {
                    return checked(where, values.deserialize(record.topic(), record.headers(), record.value()));
                }
            }
        }
    }

    private ArticleSubmitted checked(AcceptedVersion where, ArticleSubmitted article) {
        if (article == null || !article.getArticleId().equals(where.articleId())
                || article.getVersion() != where.version()) {
            // Only when the topic was deleted and re-created under a running ingest.
            throw unreadable(where, "another record is stored there", null);
        }
        return article;
    }

    private ArticleUnreadableException unreadable(AcceptedVersion where, String why, Throwable cause) {
        return new ArticleUnreadableException("could not read " + where.articleId() + " version " + where.version()
                + " back from " + topic + "-" + where.partition() + "@" + where.offset() + ": " + why, cause);
    }

    /** Waits for a read in progress (each ends within the timeout), then closes the consumer. */
    @Override
    public void close() {
        turn.lock();
        try {
            closed = true;
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        } finally {
            turn.unlock();
        }
    }
}
