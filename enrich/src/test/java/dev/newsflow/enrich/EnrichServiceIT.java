package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import dev.newsflow.schemas.topics.TopicCatalogue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running service on a real in-JVM broker and registry, exactly-once, read back read_committed. */
class EnrichServiceIT {
    private static final ArticleAnnotator NO_ANNOTATION = article -> {
    };
    private static TestKafka kafka;
    private static TopicCatalogue catalogue;
    private static KafkaProducer<String, ArticleSubmitted> producer;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void startKafka() {
        kafka = TestKafka.get();
        catalogue = TopicCatalogue.create(Map.of("schema.registry.url", kafka.schemaRegistryUrl(),
                "auto.register.schemas", true));
        Map<String, Object> producerConfig = new HashMap<>();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producerConfig, catalogue.articlesSubmitted().keySerde().serializer(),
                catalogue.articlesSubmitted().valueSerde().serializer());
    }

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private EnrichConfig config(String applicationId, Path dir) {
        Map<String, Object> settings = new HashMap<>(kafka.serviceSettings());
        settings.put(EnrichConfig.APPLICATION_ID, applicationId);
        settings.put(EnrichConfig.STATE_DIR, dir.toString());
        settings.put(EnrichConfig.PORT, 0);
        settings.put(EnrichConfig.MANAGEMENT_PORT, 0);
        settings.put(EnrichConfig.HOST, "127.0.0.1");
        settings.put(EnrichConfig.CLOSE_TIMEOUT_MS, 20_000);
        return new EnrichConfig(settings);
    }

    @Test
    void enrichesExactlyOnceDeadLettersWhatItCannotReadAndReportsHealthAndMetrics() throws Exception {
        String id = TestKafka.unique("svc-article");
        String brokenKey = TestKafka.unique("svc-broken");
        try (EnrichService service = EnrichService.start(config(TestKafka.unique("enrich-app"), stateDir),
                NO_ANNOTATION)) {
            sendGarbage(brokenKey);
            producer.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), id,
                    Articles.seedShaped(id, 1))).get();

            List<EnrichedArticle> enriched = awaitValues(catalogue.articlesEnriched().name(),
                    catalogue.articlesEnriched().valueSerde().deserializer(), id, 1);
            assertThat(enriched).singleElement().satisfies(article -> {
                assertThat(article.getImages()).extracting(Image::getCaption, Image::getCreditline, Image::getBy)
                        .containsExactly(tuple(Articles.CAPTION, "EPA", "Marta Fonseca"));
                assertThat(article.getBody()).containsExactlyElementsOf(Articles.BODY);
            });
            List<DeadLetter> dead = awaitValues(catalogue.articlesDeadLetter().name(),
                    catalogue.articlesDeadLetter().valueSerde().deserializer(), brokenKey, 1);
            assertThat(dead).singleElement().satisfies(letter -> {
                assertThat(letter.getStage()).isEqualTo("deserialization");
                assertThat(letter.getSourceTopic()).isEqualTo("articles-submitted");
                assertThat(letter.getSourceOffset()).isNotNull();
            });

            await().atMost(Duration.ofSeconds(30)).until(() -> service.state() == KafkaStreams.State.RUNNING);
            HttpResponse<String> health = get(service.port(), "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"kafka-streams\":true").contains("\"kafka\":true")
                    .contains("\"schema-registry\":true");
            assertThat(get(service.port(), "/metrics").statusCode()).as("not on the public port").isEqualTo(404);
            String metrics = get(service.managementPort().orElseThrow(), "/metrics").body();
            assertThat(metrics).contains("newsflow_enrich_articles_enriched_total")
                    .contains("newsflow_enrich_dead_letters_total{service=\"enrich\",stage=\"deserialization\"}")
                    .contains("newsflow_kafka_stream_");
        }
    }

    /**
     * Issue 15: a record that kills the stream thread each time it is processed. The thread is replaced and the
     * client is RUNNING again between deaths, so a health check of the state alone said UP while nothing was
     * processed. Readiness goes DOWN from the second death and says why.
     */
    @Test
    void aStreamThreadThatKeepsDyingTurnsReadinessDownWithTheReason() throws Exception {
        String killer = TestKafka.unique("thread-killer");
        ArticleAnnotator dies = article -> {
            if (article.getArticleId().equals(killer)) {
                throw new AssertionError("an error no stage catches");
            }
        };
        Map<String, Object> settings = new HashMap<>(config(TestKafka.unique("enrich-dying"), stateDir).originals());
        // A dead thread's consumer does not leave the group: its partitions move on after the session timeout.
        settings.put("kafka.session.timeout.ms", 6000);
        try (EnrichService service = EnrichService.start(new EnrichConfig(settings), dies)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> get(service.port(), "/health/ready").statusCode() == 200);
            producer.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), killer,
                    Articles.seedShaped(killer, 1))).get();

            HttpResponse<String> down = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                    .until(() -> get(service.port(), "/health/ready"), response -> response.statusCode() == 503
                            && response.body().contains("stream threads died"));
            assertThat(down.body()).contains("\"kafka-streams\":false").contains("\"status\":\"DOWN\"");
            assertThat(get(service.port(), "/health").statusCode()).isEqualTo(503);
        }
    }

    @Test
    void duplicateSuppressionSurvivesARestartWithAnEmptyStateDirectory(@TempDir Path secondStateDir)
            throws Exception {
        String applicationId = TestKafka.unique("enrich-restart");
        String id = TestKafka.unique("restart-article");
        ArticleSubmitted v1 = Articles.seedShaped(id, 1);
        try (EnrichService first = EnrichService.start(config(applicationId, stateDir), NO_ANNOTATION)) {
            producer.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), id, v1)).get();
            awaitValues(catalogue.articlesEnriched().name(), catalogue.articlesEnriched().valueSerde().deserializer(),
                    id, 1);
        }
        // A fresh state directory: the store can only know v1 from its changelog topic.
        try (EnrichService second = EnrichService.start(config(applicationId, secondStateDir), NO_ANNOTATION)) {
            producer.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), id, v1)).get();
            ArticleSubmitted v2 = ArticleSubmitted.newBuilder(v1).setVersion(2).setContentHash("changed")
                    .setHeadline("Portugal and Spain sign Tagus treaty").build();
            producer.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), id, v2)).get();

            List<EnrichedArticle> all = awaitValues(catalogue.articlesEnriched().name(),
                    catalogue.articlesEnriched().valueSerde().deserializer(), id, 2);
            // v2 came after the re-sent v1 on the same partition, so had v1 passed it would be here, before v2.
            assertThat(all).extracting(EnrichedArticle::getVersion).containsExactly(1, 2);
            assertThat(second.metrics().droppedCount("duplicate")).isEqualTo(1);
        }
    }

    private void sendGarbage(String key) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), key.getBytes(StandardCharsets.UTF_8),
                    new byte[] {0, 0, 0, 0, 42, 1, 2, 3})).get();
        }
    }

    /** Reads the topic from the start, read_committed, until {@code count} values for the key arrived. */
    private static <V> List<V> awaitValues(String topic, Deserializer<V> deserializer, String key, int count) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, TestKafka.unique("enrich-reader"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config,
                catalogue.articlesEnriched().keySerde().deserializer(), deserializer)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                }
                return values.size() >= count;
            });
        }
        return values;
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
