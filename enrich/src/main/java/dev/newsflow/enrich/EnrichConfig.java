package dev.newsflow.enrich;

import dev.newsflow.enrich.topology.SerializationDeadLetterHandler;
import dev.newsflow.platform.config.ConfigLoader;
import dev.newsflow.platform.config.ServiceConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Settings of the enrich service: the Streams application (id, state directory, threads,
 * commit interval), the HTTP port of {@code /health} and {@code /metrics}, and the clean-up and
 * duplicate-suppression knobs. Everything a service shares comes from {@link ServiceConfig}.
 */
public final class EnrichConfig extends ServiceConfig {
    public static final String APPLICATION_ID = StreamsConfig.APPLICATION_ID_CONFIG;
    public static final String STATE_DIR = StreamsConfig.STATE_DIR_CONFIG;
    public static final String NUM_STREAM_THREADS = StreamsConfig.NUM_STREAM_THREADS_CONFIG;
    public static final String COMMIT_INTERVAL_MS = StreamsConfig.COMMIT_INTERVAL_MS_CONFIG;
    public static final String PORT = "enrich.port";
    public static final String HOST = "enrich.host";
    public static final String DEDUPE_RETENTION_MS = "enrich.dedupe.retention.ms";
    public static final String DEDUPE_PURGE_INTERVAL_MS = "enrich.dedupe.purge.interval.ms";
    public static final String CAPTION_SIMILARITY_THRESHOLD = "enrich.caption.similarity.threshold";
    public static final String CLOSE_TIMEOUT_MS = "enrich.close.timeout.ms";

    public static final String DEFAULT_APPLICATION_ID = "newsflow-enrich";
    public static final int DEFAULT_PORT = 8083;
    /** Below this, unrelated captions of the same scene start to merge; see CaptionSimilarityTest. */
    public static final double DEFAULT_CAPTION_SIMILARITY_THRESHOLD = 0.8;

    private static final ConfigDef DEFINITION = ServiceConfig.withStreamsState(ServiceConfig.commonDefinition())
            .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "Kafka Streams application id: the consumer group, the prefix of internal "
                            + "topics and of the transactional ids. Instances with the same id share the work.")
            .define(STATE_DIR, Type.STRING, defaultStateDir(), new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Directory of the local state stores (the duplicate-submission store). Losing it is safe: "
                            + "the store is restored from its changelog topic.")
            .define(NUM_STREAM_THREADS, Type.INT, 1, ConfigDef.Range.between(1, 64), Importance.MEDIUM,
                    "Stream threads in this instance; up to the partitions of articles-submitted do work.")
            .define(COMMIT_INTERVAL_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How often a transaction is committed (exactly-once): lower means lower end-to-end latency, "
                            + "higher means higher throughput.")
            .define(PORT, Type.INT, DEFAULT_PORT, ConfigDef.Range.between(0, 65535), Importance.MEDIUM,
                    "HTTP port of /health and /metrics; 0 picks a free port.")
            .define(HOST, Type.STRING, "0.0.0.0", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Address the HTTP endpoints bind to.")
            .define(DEDUPE_RETENTION_MS, Type.LONG, Duration.ofDays(7).toMillis(), ConfigDef.Range.atLeast(1),
                    Importance.MEDIUM, "How long an article's last content hash and version are remembered after "
                            + "its last accepted version (by record time). A re-submission older than this passes again.")
            .define(DEDUPE_PURGE_INTERVAL_MS, Type.LONG, Duration.ofMinutes(10).toMillis(),
                    ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How often (in stream time) entries past the retention are deleted from the store.")
            .define(CAPTION_SIMILARITY_THRESHOLD, Type.DOUBLE, DEFAULT_CAPTION_SIMILARITY_THRESHOLD,
                    ConfigDef.Range.between(0.5, 1.0), Importance.LOW,
                    "Token-set (Jaccard) similarity at or above which two captions of one article count as the "
                            + "same caption; 1.0 keeps only exact (normalised) duplicates.")
            .define(CLOSE_TIMEOUT_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How long close() waits for Kafka Streams to commit, leave the group and stop.");

    public EnrichConfig(Map<?, ?> settings) {
        super(DEFINITION, settings);
    }

    /** Loads from a properties file (may be null), {@code NEWSFLOW_*} environment variables and overrides. */
    public static EnrichConfig load(ConfigLoader loader, Path propertiesFile, Map<String, ?> overrides) {
        return new EnrichConfig(loader.load(DEFINITION, propertiesFile, overrides));
    }

    public static ConfigDef definition() {
        return DEFINITION;
    }

    private static String defaultStateDir() {
        return Paths.get(System.getProperty("java.io.tmpdir"), "newsflow", "enrich-state").toString();
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    public String stateDir() {
        return getString(STATE_DIR);
    }

    public int port() {
        return getInt(PORT);
    }

    public String host() {
        return getString(HOST);
    }

    public Duration dedupeRetention() {
        return durationMs(DEDUPE_RETENTION_MS);
    }

    public Duration dedupePurgeInterval() {
        return durationMs(DEDUPE_PURGE_INTERVAL_MS);
    }

    public double captionSimilarityThreshold() {
        return getDouble(CAPTION_SIMILARITY_THRESHOLD);
    }

    public Duration closeTimeout() {
        return durationMs(CLOSE_TIMEOUT_MS);
    }

    /**
     * The Kafka Streams settings: pass-through {@code kafka.*} client settings first, then this
     * service's, so exactly-once and the application id cannot be overridden by accident.
     */
    public Map<String, Object> streamsConfig() {
        Map<String, Object> streams = streamsBaseConfig();
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        streams.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
        streams.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(NUM_STREAM_THREADS));
        streams.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, getLong(COMMIT_INTERVAL_MS));
        streams.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, SerializationDeadLetterHandler.class);
        return streams;
    }
}
