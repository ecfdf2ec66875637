package dev.newsflow.bench.e2e;

import dev.newsflow.platform.config.ServiceConfig;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ceiling the pipeline is compared with: a plain producer (acks=all, idempotent, as ingest
 * writes) and a read_committed consumer moving records of the same sizes as the run's POST
 * bodies through the same broker, on a temporary topic with the partitions and replication of
 * {@code articles-submitted}. No HTTP, no parsing, no Streams, no registry: one hop instead of
 * the pipeline's three (submitted → Streams → enriched → syndicator).
 */
public final class RawKafkaBaseline {
    private static final Logger LOG = LoggerFactory.getLogger(RawKafkaBaseline.class);

    /** @param throughput records per second from the first send to the last record consumed */
    public record Result(long sent, long received, double throughput, LatencySummary latency, long errors,
                         int partitions) {
    }

    private RawKafkaBaseline() {
    }

    /**
     * Moves {@code sizes.length} records of those sizes; open loop at {@code rate} records/s, or as fast
     * as the producer takes them when rate is 0.
     */
    public static Result run(String bootstrapServers, Map<String, Object> clientSettings, int[] sizes, double rate,
                             Duration timeout) throws Exception {
        Map<String, Object> common = new HashMap<>(clientSettings);
        common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        String topic = "bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(common)) {
            TopicDescription like = admin.describeTopics(Set.of(TopicCatalogue.ARTICLES_SUBMITTED)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(TopicCatalogue.ARTICLES_SUBMITTED);
            int partitions = like.partitions().size();
            short replication = (short) like.partitions().get(0).replicas().size();
            admin.createTopics(Set.of(new NewTopic(topic, partitions, replication))).all().get(30, TimeUnit.SECONDS);
            try {
                return move(common, topic, partitions, sizes, rate, timeout);
            } finally {
                admin.deleteTopics(Set.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Result move(Map<String, Object> common, String topic, int partitions, int[] sizes, double rate,
                               Duration timeout) throws Exception {
        int n = sizes.length;
        AtomicLongArray starts = new AtomicLongArray(n);
        Histogram histogram = LatencySummary.newHistogram();
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean consuming = new AtomicBoolean(true);

        Map<String, Object> consumerConfig = new HashMap<>(common);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // fetch.max.wait.ms at its default, as the enriched-topic watcher's (see there).
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> assigned = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(topic, p)).toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        assigned.forEach(p -> consumer.position(p, Duration.ofSeconds(30)));
        Thread consumerThread = new Thread(() -> {
            try {
                while (consuming.get() && received.get() < n) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        int index = ByteBuffer.wrap(record.value()).getInt();
                        synchronized (histogram) {
                            LatencySummary.record(histogram, now - starts.get(index));
                        }
                        received.incrementAndGet();
                        lastArrival.set(now);
                    }
                }
            } finally {
                consumer.close(Duration.ofSeconds(5));
            }
        }, "bench-raw-consumer");
        consumerThread.start();

        Map<String, Object> producerConfig = new HashMap<>(common);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // batches as large as ingest's producer makes
        producerConfig.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, ServiceConfig.PRODUCER_BATCH_BYTES);
        SplittableRandom random = new SplittableRandom(n);
        long t0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                byte[] value = new byte[Math.max(Integer.BYTES, sizes[i])];
                for (int b = Integer.BYTES; b < value.length; b++) {
                    value[b] = (byte) (' ' + random.nextInt(95));
                }
                ByteBuffer.wrap(value).putInt(i);
                byte[] key = ("raw-" + Integer.toHexString(random.nextInt())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (rate > 0) {
                    long intended = t0 + (long) (i * 1_000_000_000.0 / rate);
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    starts.set(i, intended);
                } else {
                    starts.set(i, System.nanoTime());
                }
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                    if (error != null) {
                        errors.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        consumerThread.join(timeout.toMillis());
        consuming.set(false);
        consumerThread.join(10_000);
        long got = received.get();
        if (got < n) {
            LOG.warn("raw baseline: {} of {} records arrived within {}", got, n, timeout);
        }
        double seconds = (lastArrival.get() - t0) / 1e9;
        LatencySummary latency;
        synchronized (histogram) {
            latency = LatencySummary.of(histogram);
        }
        return new Result(n, got, seconds > 0 ? got / seconds : Double.NaN, latency, errors.get(), partitions);
    }
}
