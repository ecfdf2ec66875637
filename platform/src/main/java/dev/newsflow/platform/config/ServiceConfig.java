package dev.newsflow.platform.config;

import dev.newsflow.platform.http.ManagementSettings;
import dev.newsflow.platform.kafka.BoundedRocksDbMemory;
import dev.newsflow.platform.kafka.TopicBootstrap;
import dev.newsflow.schemas.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings every service has: where Kafka and the schema registry are, how topics are created,
 * and pass-through Kafka client settings ({@code kafka.*}, e.g. {@code kafka.security.protocol}).
 * Each service's own config class extends this with its settings, each with a type, a default,
 * a doc and a validator.
 */
public abstract class ServiceConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = AvroSerdeConfig.SCHEMA_REGISTRY_URL;
    public static final String AUTO_REGISTER_SCHEMAS = AvroSerdeConfig.AUTO_REGISTER_SCHEMAS;
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String TOPIC_MIN_INSYNC_REPLICAS = "topic.min.insync.replicas";
    public static final String ROCKSDB_MEMORY_BYTES = "rocksdb.memory.bytes";
    public static final String RECORD_MAX_BYTES = "record.max.bytes";
    /** Room above a record's key and value for its headers and the batch around it. */
    public static final int RECORD_FRAMING_BYTES = 16 * 1024;
    /**
     * What a producer gathers per partition before a batch counts as full. Articles are 5–10 KB encoded, so Kafka's
     * default of 16 KB was full after two: the Streams producers, which linger 100 ms, sent a produce request for
     * about every other record instead of one per commit (0.94 produce requests per article end to end, ~0.4 with
     * this; 256 KB gave ~0.32 but ~12 MiB more peak RSS: BENCHMARKS.md, issue 20). Below the smallest request a
     * service may send ({@code record.max.bytes} is at least 64 KiB, plus the framing), so a batch always fits one.
     */
    public static final int PRODUCER_BATCH_BYTES = 64 * 1024;
    public static final String MANAGEMENT_PORT = "management.port";
    public static final String MANAGEMENT_HOST = "management.host";
    public static final String METRICS_TOKEN = "metrics.token";

    protected ServiceConfig(ConfigDef definition, Map<?, ?> settings) {
        super(definition, settings, false);
        Object maxRequest = originals().get(ConfigLoader.KAFKA_PASSTHROUGH_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (maxRequest != null && Integer.parseInt(maxRequest.toString().strip()) < maxRequestBytes()) {
            throw new ConfigException(ConfigLoader.KAFKA_PASSTHROUGH_PREFIX + ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                    maxRequest, "must be at least " + RECORD_MAX_BYTES + " + " + RECORD_FRAMING_BYTES + " = "
                            + maxRequestBytes() + ": lower " + RECORD_MAX_BYTES + " instead, so that a record that "
                            + "cannot be written is refused or dead-lettered before Kafka sees it");
        }
    }

    /** The settings every service shares; services add theirs to a copy of this. */
    public static ConfigDef commonDefinition() {
        return new ConfigDef()
                .define(BOOTSTRAP_SERVERS, Type.LIST, "localhost:9092", ConfigDef.ValidList.anyNonDuplicateValues(false, false),
                        Importance.HIGH, "Kafka bootstrap servers, host:port, comma-separated.")
                .define(SCHEMA_REGISTRY_URL, Type.STRING, "http://localhost:8081", new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Base URL of a Confluent-compatible schema registry.")
                .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Let services register schemas on first write. Off in production: "
                                + "'newsflow schemas register' registers them after a compatibility check.")
                .define(TOPIC_PARTITIONS, Type.INT, 6, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "Partitions for topics the service creates when they are missing.")
                .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "Replication factor for topics the service creates; 3 on a production cluster.")
                .define(TOPIC_MIN_INSYNC_REPLICAS, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                        "min.insync.replicas for created topics; 2 with replication 3.")
                .define(RECORD_MAX_BYTES, Type.INT, 1_000_000, ConfigDef.Range.between(64 * 1024, 64 * 1024 * 1024),
                        Importance.MEDIUM, "Largest record (key and value, encoded) a service writes. Its producers' "
                                + "max.request.size and the max.message.bytes of topics it creates are set "
                                + RECORD_FRAMING_BYTES + " bytes above it, for headers and batch framing (the default "
                                + "fits Kafka's own 1 MiB defaults). Ingest refuses (413) an article whose enriched "
                                + "record could exceed it; enrich dead-letters any record over it.")
                .define(MANAGEMENT_PORT, Type.INT, ManagementSettings.NONE, ConfigDef.Range.between(-1, 65535),
                        Importance.MEDIUM, "Port of the management listener serving /metrics (and /health): a "
                                + "listener of its own, on management.host; 0 picks a free port. -1: none, and "
                                + "/metrics is served on the service's port only with metrics.token, else not at all.")
                .define(MANAGEMENT_HOST, Type.STRING, "127.0.0.1", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                        "Address the management listener binds to: loopback by default, so that only the machine "
                                + "(or a scraper beside it) reads the metrics; 0.0.0.0 inside a private network.")
                .define(METRICS_TOKEN, Type.PASSWORD, "", Importance.MEDIUM,
                        "Bearer token GET /metrics asks for, wherever it is served; empty: none (then only a "
                                + "management listener serves metrics).");
    }

    /** Adds the settings of services that keep Kafka Streams state in RocksDB to a definition. */
    public static ConfigDef withStreamsState(ConfigDef definition) {
        return definition.define(ROCKSDB_MEMORY_BYTES, Type.LONG, BoundedRocksDbMemory.DEFAULT_MEMORY_BYTES,
                ConfigDef.Range.atLeast(8L * 1024 * 1024), Importance.LOW,
                "Off-heap memory (bytes) all RocksDB state stores of this process share: block cache, index and "
                        + "filter blocks and memtables. One budget per JVM: when several services run in one process "
                        + "(newsflow demo) the first one started sets it.");
    }

    /**
     * The Kafka Streams settings every newsflow Streams application shares, for the service to add its own to
     * (application id, state directory, commit interval, handlers): pass-through {@code kafka.*} client settings
     * and the serde's first, then exactly-once, the RocksDB budget and the durability of internal topics, so that
     * a pass-through setting cannot switch those off by accident.
     */
    protected Map<String, Object> streamsBaseConfig() {
        Map<String, Object> streams = new HashMap<>(kafkaClientConfig());
        streams.putAll(serdeConfig());
        streams.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Every RocksDB store of the process under one budget.
        streams.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        streams.put(BoundedRocksDbMemory.MEMORY_BYTES, getLong(ROCKSDB_MEMORY_BYTES));
        // Internal topics (changelogs, repartition topics) get the same durability as the service's own.
        streams.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topicReplicationFactor());
        streams.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), maxRequestBytes());
        if (!streams.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            streams.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        }
        streams.put(StreamsConfig.topicPrefix("min.insync.replicas"), Integer.toString(topicMinInsyncReplicas()));
        // Processing errors on a global-store thread get the same handler as the stream threads (the default from
        // Kafka 5.0; 4.3 warns unless it is opted in to). Streams 4.3 also reads the flag back from the main
        // consumer's settings, where it is not passed on, and then warns that it is off: so it goes there too.
        streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        streams.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG),
                true);
        return streams;
    }

    /** A setting given in milliseconds ({@code *.ms}, type LONG), as a Duration. */
    protected Duration durationMs(String key) {
        return Duration.ofMillis(getLong(key));
    }

    /** The largest record (key and value, encoded) this service writes. */
    public int recordMaxBytes() {
        return getInt(RECORD_MAX_BYTES);
    }

    /** The producers' max.request.size, and the max.message.bytes of topics this service creates. */
    public int maxRequestBytes() {
        return recordMaxBytes() + RECORD_FRAMING_BYTES;
    }

    /**
     * Creates missing topics as this config says: partitions, replication, min.insync.replicas, and
     * max.message.bytes as large as the service's producers may send, so that whatever fits {@code record.max.bytes}
     * is taken.
     */
    public TopicBootstrap topicBootstrap() {
        return new TopicBootstrap(kafkaClientConfig(), topicPartitions(), topicReplicationFactor(),
                topicMinInsyncReplicas(), maxRequestBytes());
    }

    /** Where /metrics is served, and behind which token. */
    public ManagementSettings management() {
        Password token = getPassword(METRICS_TOKEN);
        return new ManagementSettings(getInt(MANAGEMENT_PORT), getString(MANAGEMENT_HOST),
                token == null ? "" : token.value());
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public String schemaRegistryUrl() {
        return getString(SCHEMA_REGISTRY_URL);
    }

    public int topicPartitions() {
        return getInt(TOPIC_PARTITIONS);
    }

    public short topicReplicationFactor() {
        return getShort(TOPIC_REPLICATION_FACTOR);
    }

    public int topicMinInsyncReplicas() {
        return getInt(TOPIC_MIN_INSYNC_REPLICAS);
    }

    /** Settings for the Avro serdes of the topic catalogue. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new HashMap<>();
        // Every serde setting given to the service reaches the serdes (use.latest.version, subject name
        // strategies, avro.value.serde.class, ...), under Confluent's names.
        for (String key : AvroSerdeConfig.definition().names()) {
            if (originals().containsKey(key)) {
                serde.put(key, originals().get(key));
            }
        }
        serde.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        serde.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, getBoolean(AUTO_REGISTER_SCHEMAS));
        return serde;
    }

    /** Bootstrap servers plus every {@code kafka.*} pass-through setting, prefix removed. */
    public Map<String, Object> kafkaClientConfig() {
        Map<String, Object> client = new HashMap<>(originalsWithPrefix(ConfigLoader.KAFKA_PASSTHROUGH_PREFIX));
        client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return client;
    }
}
