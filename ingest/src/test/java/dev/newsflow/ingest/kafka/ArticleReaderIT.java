package dev.newsflow.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleRecords;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.platform.kafka.TopicBootstrap;
import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading accepted versions back from articles-submitted on the shared test broker. */
class ArticleReaderIT {
    private static IngestConfig config;
    private static TopicSpec<String, ArticleSubmitted> topic;

    @BeforeAll
    static void topic() {
        Map<String, String> settings = new HashMap<>(TestKafka.get().serviceSettings());
        settings.put(IngestConfig.API_KEYS, "reader-test:reader-test-key");
        config = new IngestConfig(settings);
        topic = TopicCatalogue.create(config.serdeConfig()).articlesSubmitted();
        new TopicBootstrap(config.kafkaClientConfig(), config.topicPartitions(), config.topicReplicationFactor(),
                config.topicMinInsyncReplicas()).ensure(List.of(topic));
    }

    @Test
    void readsBackExactlyTheVersionWrittenAtItsPartitionAndOffset() {
        ArticleSubmitted first = article("first");
        ArticleSubmitted second = article("second");
        try (ArticleWriter writer = new ArticleWriter(config.producerConfig(), topic, 10_000,
                config.recordMaxBytes(), config.maxRequestBytes());
             ArticleReader reader = new ArticleReader(config.readerConfig(), topic, Duration.ofSeconds(10))) {
            AcceptedVersion firstAt = writer.write(first, Map.of());
            AcceptedVersion secondAt = writer.write(second, Map.of());

            assertThat(reader.read(secondAt)).isEqualTo(second);
            assertThat(reader.read(firstAt)).isEqualTo(first);
        }
    }

    @Test
    void aPositionHoldingAnotherRecordIsUnreadableNotAWrongAnswer() {
        ArticleSubmitted written = article("mismatch");
        try (ArticleWriter writer = new ArticleWriter(config.producerConfig(), topic, 10_000,
                config.recordMaxBytes(), config.maxRequestBytes());
             ArticleReader reader = new ArticleReader(config.readerConfig(), topic, Duration.ofSeconds(10))) {
            AcceptedVersion at = writer.write(written, Map.of());
            AcceptedVersion otherVersion = new AcceptedVersion(at.articleId(), at.publisherId(), 7, at.action(),
                    at.contentHash(), at.partition(), at.offset());

            assertThatThrownBy(() -> reader.read(otherVersion)).isInstanceOf(ArticleUnreadableException.class)
                    .hasMessageContaining("another record");
        }
    }

    @Test
    void whenKafkaCannotAnswerInTimeTheReadFailsWithinItsBound() throws Exception {
        Map<String, Object> cutOff = new HashMap<>(config.readerConfig());
        cutOff.put("bootstrap.servers", "127.0.0.1:" + closedPort());
        AcceptedVersion somewhere = AcceptedVersion.of(article("unreachable"), 0, 0);
        try (ArticleReader reader = new ArticleReader(cutOff, topic, Duration.ofMillis(500))) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> reader.read(somewhere)).isInstanceOf(ArticleUnreadableException.class)
                    .hasMessageContaining("within 500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    private static ArticleSubmitted article(String name) {
        ArticleDraft draft = ArticleDraft.builder(SourceFormat.JSON).guid(TestKafka.unique(name))
                .headline("Reader " + name).body(List.of("First paragraph of " + name + ".", "Second paragraph."))
                .images(List.of(new DraftImage("A caption", "Photo: Agency", "https://example.org/a.jpg")))
                .keywords(List.of("reader")).build();
        return ArticleRecords.firstVersion("reader-test", draft, Instant.parse("2026-01-01T00:00:00Z"));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
