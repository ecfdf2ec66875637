package dev.newsflow.ingest.kafka;

import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code articles-submitted} from the beginning to its current end, without a consumer
 * group, and records every version in the ledger. Run once at start, before the API opens, so a
 * restarted ingest continues version numbers, recognises identical re-posts and honours
 * Idempotency-Keys used before the restart.
 */
public final class LedgerRebuilder {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerRebuilder.class);

    private LedgerRebuilder() {
    }

    public static int rebuild(Map<String, Object> clientConfig, TopicSpec<String, ArticleSubmitted> topic,
                              ArticleLedger ledger, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        Deserializer<ArticleSubmitted> values = topic.valueSerde().deserializer();
        long deadline = System.nanoTime() + timeout.toNanos();
        int read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            while (!reachedEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not re-read " + topic.name() + " within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    try {
                        ArticleSubmitted article = values.deserialize(record.topic(), record.headers(), record.value());
                        if (article == null) {
                            continue;
                        }
                        AcceptedVersion accepted = AcceptedVersion.of(article, record.partition(), record.offset());
                        ledger.record(accepted);
                        String key = SubmissionHeaders.get(record.headers(), SubmissionHeaders.IDEMPOTENCY_KEY);
                        if (key != null) {
                            // The first answer to a key was the 202 of the record written with it, at this offset.
                            ledger.recordIdempotencyKey(article.getPublisherId(), key, new ArticleLedger.IdempotentResult(
                                    SubmissionHeaders.get(record.headers(), SubmissionHeaders.REQUEST_FINGERPRINT),
                                    accepted, false));
                        }
                    } catch (SerializationException e) {
                        // Ingest never wrote it if it does not read; the topology dead-letters such records.
                        LOG.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                }
            }
        }
        LOG.info("re-read {} records of {}: {} articles known", read, topic.name(), ledger.size());
        return read;
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            if (consumer.position(entry.getKey()) < entry.getValue()) {
                return false;
            }
        }
        return true;
    }
}
