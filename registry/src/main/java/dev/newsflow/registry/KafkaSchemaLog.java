package dev.newsflow.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's store: a compacted, single-partition Kafka topic (as Confluent's
 * {@code _schemas}). One background thread reads it from the beginning for the life of the
 * registry and hands every record to the state; writers append and then wait until that
 * thread has applied their offset, so an answer is only given once the log has decided.
 */
final class KafkaSchemaLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);

    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long applied; // next offset the reader will apply; guarded by progress
    private volatile boolean running = true;
    private volatile RuntimeException readerFailure;

    /** Creates the topic when missing, starts reading it and returns once the existing log is applied. */
    static KafkaSchemaLog open(String bootstrapServers, String topic, Duration timeout,
                               Consumer<ConsumerRecord<byte[], byte[]>> applier) {
        KafkaSchemaLog log = new KafkaSchemaLog(bootstrapServers, topic, timeout, applier);
        try {
            log.syncToEnd();
            return log;
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    private KafkaSchemaLog(String bootstrapServers, String topic, Duration timeout,
                           Consumer<ConsumerRecord<byte[], byte[]>> applier) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-admin"));
        try {
            ensureTopic();
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-writer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis() * 2),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-schema-registry-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.reader = new Thread(() -> read(applier), "schema-registry-log-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Compacted so the log keeps the latest record per key (as Confluent's), one partition so
     * the log has one order that every instance applies identically, replicated like the
     * cluster allows (up to 3).
     */
    private void ensureTopic() {
        try {
            Optional<TopicDescription> existing = describe();
            if (existing.isPresent()) {
                if (existing.get().partitions().size() != 1) {
                    throw RegistryError.storeError("topic " + topic + " has " + existing.get().partitions().size()
                            + " partitions; the registry's store needs exactly one", null);
                }
                warnUnlessCompacted();
                return;
            }
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            short replication = (short) Math.max(1, Math.min(3, brokers));
            NewTopic newTopic = new NewTopic(topic, 1, replication).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, replication))));
            try {
                admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("created the schema registry topic {} (compacted, 1 partition, replication {})",
                        topic, replication);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryError.storeError("could not create or describe topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("interrupted while preparing topic " + topic, e);
        }
    }

    /** A store that is not compacted still works, but grows forever and keeps permanently deleted schemas. */
    private void warnUnlessCompacted() throws InterruptedException, ExecutionException, TimeoutException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
        ConfigEntry policy = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            LOG.warn("the schema registry topic {} is not compacted (cleanup.policy={}); set cleanup.policy=compact",
                    topic, policy == null ? "unknown" : policy.value());
        }
    }

    private Optional<TopicDescription> describe() throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void read(Consumer<ConsumerRecord<byte[], byte[]>> applier) {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        applier.accept(record);
                    } catch (RuntimeException e) {
                        LOG.warn("skipping unreadable record at offset {} of {}: {}", record.offset(), topic,
                                e.getMessage());
                    }
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    applied = position;
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // close() asked the reader to stop
        } catch (RuntimeException e) {
            readerFailure = e;
            LOG.error("the schema registry stopped reading {}: {}", topic, e.toString());
        } finally {
            consumer.close(Duration.ZERO);
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    /** Appends one record and returns its offset once every in-sync replica has it. */
    long append(SchemaLogCodec.Encoded record) {
        try {
            return producer.send(new ProducerRecord<>(topic, 0, record.key(), record.value()))
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS).offset();
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryError.storeError("could not write to " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("interrupted while writing to " + topic, e);
        }
    }

    /** Waits until the record at {@code offset} has been applied to the state. */
    void awaitApplied(long offset) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (applied <= offset) {
                if (readerFailure != null || !reader.isAlive()) {
                    throw RegistryError.storeError("the reader of " + topic + " has stopped", readerFailure);
                }
                long waitMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (waitMillis <= 0) {
                    throw RegistryError.timeout("offset " + offset + " of " + topic + " not read back within " + timeout);
                }
                try {
                    progress.wait(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw RegistryError.timeout("interrupted while reading " + topic);
                }
            }
        }
    }

    /**
     * The log's end offset. Just after the topic was created, brokers may not serve it yet (no leader, unknown
     * partition): such retriable answers are asked again until the timeout.
     */
    private long endOffset() throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    /** Waits until everything written to the log so far (by any instance) has been applied. */
    void syncToEnd() {
        long end;
        try {
            end = endOffset();
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryError.storeError("could not read the end offset of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryError.storeError("interrupted while reading the end offset of " + topic, e);
        }
        if (end > 0) {
            awaitApplied(end - 1);
        }
    }

    @Override
    public void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
        }
        admin.close(Duration.ofSeconds(1));
    }
}
