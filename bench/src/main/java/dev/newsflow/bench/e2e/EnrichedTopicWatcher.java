package dev.newsflow.bench.e2e;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schemas.registry.SchemaRegistryClients;
import dev.newsflow.schemas.serde.ConfluentAvroDeserializer;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code articles-enriched} with {@code isolation.level=read_committed} (what a partner or
 * the syndicator sees under exactly-once) from the end of every partition as they were when the
 * watcher started, and logs each article version's arrival as {@code <articleId>#<version>}.
 * It decodes only those two fields of each article: decoding the whole article (text, entities,
 * topics) took most of this thread's CPU, on the cores the generator shares with what it measures.
 */
final class EnrichedTopicWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EnrichedTopicWatcher.class);

    private final KafkaConsumer<String, GenericRecord> consumer;
    private final ArrivalLog log;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong records = new AtomicLong();
    private final Thread thread;

    EnrichedTopicWatcher(String bootstrapServers, String schemaRegistryUrl, Map<String, Object> clientSettings,
                         ArrivalLog log) {
        this.log = log;
        Map<String, Object> config = new HashMap<>(clientSettings);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-bench-enriched-watcher");
        // fetch.max.wait.ms stays at its default: the broker answers a fetch as soon as committed data is there
        // (fetch.min.bytes 1), so a short wait only adds empty fetches (100 a second at 10 ms) to both processes.
        consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                ConfluentAvroDeserializer.projecting(EnrichedArticle.getClassSchema(),
                        SchemaRegistryClients.forUrl(schemaRegistryUrl), "articleId", "version"));
        List<TopicPartition> partitions = consumer.partitionsFor(TopicCatalogue.ARTICLES_ENRICHED, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + TopicCatalogue.ARTICLES_ENRICHED + " has no partitions: is the pipeline running?");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, before any POST, so nothing posted later can be skipped.
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        thread = new Thread(this::pollLoop, "bench-enriched-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void pollLoop() {
        try {
            while (running.get()) {
                ConsumerRecords<String, GenericRecord> batch = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, GenericRecord> record : batch) {
                    records.incrementAndGet();
                    if (record.value() != null && record.key() != null) {
                        log.arrived(record.key() + "#" + record.value().get("version"), now);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("the enriched-topic watcher stopped: {}", e.toString(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    long records() {
        return records.get();
    }

    boolean alive() {
        return thread.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        consumer.wakeup();
        thread.join(10_000);
    }
}
