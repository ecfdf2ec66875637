package dev.newsflow.enrich.topology;

import static dev.newsflow.enrich.EnrichTopology.ARTICLE_VERSIONS_STORE;
import static dev.newsflow.enrich.EnrichTopology.DEAD_LETTER_SINK;
import static dev.newsflow.enrich.EnrichTopology.DECODE;
import static dev.newsflow.enrich.EnrichTopology.ENRICH;
import static dev.newsflow.enrich.EnrichTopology.ENRICHED_SINK;
import static dev.newsflow.enrich.EnrichTopology.SOURCE;
import static dev.newsflow.enrich.EnrichTopology.SUPPRESS_DUPLICATES;

import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.EnrichMetrics;
import dev.newsflow.enrich.dedupe.SeenVersion;
import dev.newsflow.enrich.dedupe.SeenVersionSerde;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/** Wires the enrich processors, sinks and store into a {@link Topology}; names are in EnrichTopology. */
public final class EnrichProcessors {
    private final TopicCatalogue catalogue;
    private final ArticleEnricher enricher;
    private final EnrichMetrics metrics;
    private final Clock clock;

    public EnrichProcessors(TopicCatalogue catalogue, ArticleEnricher enricher, EnrichMetrics metrics, Clock clock) {
        this.catalogue = catalogue;
        this.enricher = enricher;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Topology build(Duration dedupeRetention, Duration purgeInterval) {
        TopicSpec<String, ArticleSubmitted> submitted = catalogue.articlesSubmitted();
        Topology topology = new Topology();
        topology.addSource(SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(),
                submitted.name());
        topology.addProcessor(DECODE, () -> new DecodeSubmissionProcessor(submitted.valueSerde().deserializer(),
                SUPPRESS_DUPLICATES, DEAD_LETTER_SINK, metrics, clock), SOURCE);
        topology.addProcessor(SUPPRESS_DUPLICATES, () -> new SuppressDuplicateSubmissionsProcessor(
                ARTICLE_VERSIONS_STORE, dedupeRetention, purgeInterval, metrics), DECODE);
        TopicSpec<String, EnrichedArticle> enriched = catalogue.articlesEnriched();
        topology.addProcessor(ENRICH, () -> new EnrichArticleProcessor(enricher, enriched.valueSerde().serializer(),
                enriched.name(), ARTICLE_VERSIONS_STORE, ENRICHED_SINK, DEAD_LETTER_SINK, metrics, clock),
                SUPPRESS_DUPLICATES);
        topology.addStateStore(articleVersionsStore(), SUPPRESS_DUPLICATES, ENRICH);
        // The enrich step serializes with the catalogue's serde itself (so a record that does not
        // serialize becomes a dead letter), and the sink writes those bytes as they are.
        topology.addSink(ENRICHED_SINK, enriched.name(), enriched.keySerde().serializer(),
                Serdes.ByteArray().serializer(), ENRICH);
        topology.addSink(DEAD_LETTER_SINK, catalogue.articlesDeadLetter().name(),
                catalogue.articlesDeadLetter().keySerde().serializer(),
                catalogue.articlesDeadLetter().valueSerde().serializer(), DECODE, ENRICH);
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
}
