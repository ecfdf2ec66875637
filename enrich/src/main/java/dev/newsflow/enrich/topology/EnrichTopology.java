package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.EnrichMetrics;
import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.dedupe.SeenVersion;
import dev.newsflow.enrich.dedupe.SeenVersionSerde;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The enrich topology, {@code articles-submitted} → {@code articles-enriched}, with every
 * record it cannot handle on {@code articles-dead-letter}:
 *
 * <pre>
 * articles-submitted-source (bytes)
 *   → decode-submission ─────────────────────────────┐
 *   → suppress-duplicate-submissions [article-versions]│
 *   → enrich-article [article-versions] ───────────────┤
 *   → articles-enriched-sink            dead-letter-sink
 * </pre>
 *
 * <p><b>Why bytes in, and dead letters as a sink of the topology</b> rather than Kafka Streams'
 * deserialization and processing exception handlers with their dead-letter responses
 * (KIP-1034, available in 4.3): the source reads {@code byte[]} and a processor decodes, so a
 * record that does not decode, or later fails in clean-up, annotation or serialization of its
 * result, is forwarded to {@code dead-letter-sink} by the code that knows the stage and still holds
 * the original key and value bytes, and the duplicate-submission store never remembers it (so a
 * replay is processed). The dead letter goes out through the topology's own sink, in the same
 * exactly-once transaction as the input offset it replaces, with its Avro serde from the injected
 * {@link TopicCatalogue}; the handlers instead are built by reflection from configuration and would
 * have to rebuild that serde themselves, and could not keep a failed record out of the store. It
 * also keeps the path visible in {@code describe()} and exercised end to end by TopologyTestDriver.
 * The built-in mechanism is still used as a safety net for what no processor sees: a record a sink
 * cannot serialize ({@link SerializationDeadLetterHandler}). A schema-registry failure fails the
 * task instead: the service's {@link dev.newsflow.platform.kafka.StreamThreadFailurePolicy} replaces
 * the thread and the transaction is retried when the registry is only unreachable, and stops the
 * application when the answer cannot change (a subject that is not registered).
 */
public final class EnrichTopology {
    public static final String SOURCE = "articles-submitted-source";
    public static final String DECODE = "decode-submission";
    public static final String SUPPRESS_DUPLICATES = "suppress-duplicate-submissions";
    public static final String ENRICH = "enrich-article";
    public static final String ENRICHED_SINK = "articles-enriched-sink";
    public static final String DEAD_LETTER_SINK = "dead-letter-sink";
    /** Article id → highest version, content hash and action last accepted; changelogged. */
    public static final String ARTICLE_VERSIONS_STORE = "article-versions";

    private final TopicCatalogue catalogue;
    private final ArticleAnnotator annotator;
    private final EnrichMetrics metrics;
    private final Clock clock;

    public EnrichTopology(TopicCatalogue catalogue, ArticleAnnotator annotator) {
        this(catalogue, annotator, EnrichMetrics.unobserved(), Clock.systemUTC());
    }

    public EnrichTopology(TopicCatalogue catalogue, ArticleAnnotator annotator, EnrichMetrics metrics, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Topology buildTopology(EnrichConfig config) {
        ArticleEnricher enricher = new ArticleEnricher(annotator, config.captionSimilarityThreshold(), clock);
        DeadLetters deadLetters = new DeadLetters(clock, config.recordMaxBytes());
        Duration dedupeRetention = config.dedupeRetention();
        Duration purgeInterval = config.dedupePurgeInterval();
        TopicSpec<String, ArticleSubmitted> submitted = catalogue.articlesSubmitted();
        TopicSpec<String, EnrichedArticle> enriched = catalogue.articlesEnriched();
        TopicSpec<String, DeadLetter> deadLetterTopic = catalogue.articlesDeadLetter();
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                submitted.name());
        topology.addProcessor(DECODE, () -> new DecodeSubmissionProcessor(submitted.valueSerde().deserializer(),
                SUPPRESS_DUPLICATES, DEAD_LETTER_SINK, metrics, deadLetters), SOURCE);
        topology.addProcessor(SUPPRESS_DUPLICATES, () -> new SuppressDuplicateSubmissionsProcessor(
                ARTICLE_VERSIONS_STORE, dedupeRetention, purgeInterval, metrics), DECODE);
        topology.addProcessor(ENRICH, () -> new EnrichArticleProcessor(enricher, enriched.valueSerde().serializer(),
                enriched.name(), ARTICLE_VERSIONS_STORE, ENRICHED_SINK, DEAD_LETTER_SINK, metrics, deadLetters,
                config.recordMaxBytes()), SUPPRESS_DUPLICATES);
        topology.addStateStore(articleVersionsStore(), SUPPRESS_DUPLICATES, ENRICH);
        // The enrich step serializes with the catalogue's serde itself (so a record that does not
        // serialize becomes a dead letter), and the sink writes those bytes as they are.
        topology.addSink(ENRICHED_SINK, enriched.name(), enriched.keySerde().serializer(),
                Serdes.ByteArray().serializer(), ENRICH);
        topology.addSink(DEAD_LETTER_SINK, deadLetterTopic.name(), deadLetterTopic.keySerde().serializer(),
                deadLetterTopic.valueSerde().serializer(), DECODE, ENRICH);
        return topology;
    }

    /**
     * Persistent (RocksDB) and changelogged (a compacted topic), so a restarted or moved task
     * restores what it remembered; the purge's deletes reach the changelog as tombstones.
     */
    private static StoreBuilder<KeyValueStore<String, SeenVersion>> articleVersionsStore() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ARTICLE_VERSIONS_STORE),
                        Serdes.String(), new SeenVersionSerde())
                .withLoggingEnabled(Map.of("cleanup.policy", "compact"));
    }

    public EnrichMetrics metrics() {
        return metrics;
    }
}
