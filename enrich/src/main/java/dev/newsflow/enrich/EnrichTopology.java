package dev.newsflow.enrich;

import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.topology.EnrichProcessors;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.time.Clock;
import java.util.Objects;
import org.apache.kafka.streams.Topology;

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
 * cannot serialize ({@link dev.newsflow.enrich.topology.SerializationDeadLetterHandler}). A
 * schema-registry failure fails the task instead; the service replaces the thread and the
 * transaction is retried, which is right for a transient fault.
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
        return new EnrichProcessors(catalogue, enricher, metrics, clock)
                .build(config.dedupeRetention(), config.dedupePurgeInterval());
    }

    public EnrichMetrics metrics() {
        return metrics;
    }
}
