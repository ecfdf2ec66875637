package dev.newsflow.enrich.topology;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.EnrichMetrics;
import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schemas.topics.TopicCatalogue;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/** The enrich topology in a TopologyTestDriver, with an in-memory registry ({@code mock://}). */
final class EnrichTopologyHarness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-03-03T10:20:00Z");

    final TopicCatalogue catalogue;
    final EnrichMetrics metrics = new EnrichMetrics(new SimpleMeterRegistry());
    final Topology topology;
    final TopologyTestDriver driver;
    final TestInputTopic<String, ArticleSubmitted> submitted;
    final TestInputTopic<byte[], byte[]> submittedBytes;
    final TestOutputTopic<String, EnrichedArticle> enriched;
    final TestOutputTopic<String, DeadLetter> deadLetters;

    EnrichTopologyHarness(Path stateDir, ArticleAnnotator annotator, Map<String, Object> settings) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", "mock://enrich-topology-" + UUID.randomUUID());
        config.put("auto.register.schemas", true);
        config.put("state.dir", stateDir.toString());
        config.putAll(settings);
        EnrichConfig enrichConfig = new EnrichConfig(config);
        catalogue = TopicCatalogue.create(enrichConfig.serdeConfig());
        topology = new EnrichTopology(catalogue, annotator, metrics, Clock.fixed(NOW, ZoneOffset.UTC))
                .buildTopology(enrichConfig);
        Properties properties = new Properties();
        properties.putAll(enrichConfig.streamsConfig());
        driver = new TopologyTestDriver(topology, properties);
        submitted = driver.createInputTopic(catalogue.articlesSubmitted().name(),
                catalogue.articlesSubmitted().keySerde().serializer(),
                catalogue.articlesSubmitted().valueSerde().serializer());
        submittedBytes = driver.createInputTopic(catalogue.articlesSubmitted().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        enriched = driver.createOutputTopic(catalogue.articlesEnriched().name(),
                catalogue.articlesEnriched().keySerde().deserializer(),
                catalogue.articlesEnriched().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(catalogue.articlesDeadLetter().name(),
                catalogue.articlesDeadLetter().keySerde().deserializer(),
                catalogue.articlesDeadLetter().valueSerde().deserializer());
    }

    void submit(ArticleSubmitted article) {
        submitted.pipeInput(article.getArticleId(), article, article.getReceivedAt());
    }

    void submit(ArticleSubmitted article, Instant recordTime) {
        submitted.pipeInput(article.getArticleId(), article, recordTime);
    }

    @Override
    public void close() {
        driver.close();
    }
}
