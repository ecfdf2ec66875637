package dev.newsflow.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schemas.serde.AvroSerdeConfig;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Poison on the real pipeline (its own in-JVM KRaft broker and registry, ingest, enrich, syndicate): what a
 * publisher or a rogue producer can send that once stopped enrich. Through ingest: an article of 200,000
 * paragraphs (422) and one too large to deliver (413). Straight onto {@code articles-submitted}: records with an
 * empty id, headline, body or publisher, version 0 and -5, 50,000 paragraphs, one that enriches past the record
 * limit, and bytes that are not Avro. Each ends as exactly one dead letter with its stage and reason, nothing of
 * them reaches a feed, and an article posted after all of them does.
 */
class PoisonPipelineIT {
    /** Small, so that "too large once enriched" takes a small record; ingest's article limit follows from it. */
    private static final int RECORD_MAX_BYTES = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    private static DevStack stack;
    private static TopicCatalogue catalogue;

    @BeforeAll
    static void start() {
        stack = DevStack.start(DevStackSettings.builder(data).topicPartitions(2)
                .adminToken("poison-admin-" + UUID.randomUUID())
                .serviceSetting("record.max.bytes", String.valueOf(RECORD_MAX_BYTES))
                .serviceSetting("ingest.rate.limit.per.minute", "0")
                .build());
        catalogue = TopicCatalogue.create(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.schemaRegistryUrl(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, true));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPoisonEndsAsOneDeadLetterWithItsReasonAndTheNextArticleReachesTheFeed() throws Exception {
        // Through ingest: refused at the door, naming the limit; nothing reaches Kafka.
        HttpResponse<String> many = post("{\"guid\":\"mp\",\"headline\":\"Many paragraphs\",\"body\":["
                + String.join(",", Collections.nCopies(200_000, "\"p\"")) + "]}");
        assertThat(many.statusCode()).as(many.body()).isEqualTo(422);
        assertThat(JSON.readTree(many.body()).get("detail").asText()).contains("the limit is 2000");
        HttpResponse<String> large = post("{\"guid\":\"large\",\"headline\":\"Large\",\"body\":[\""
                + "Words of a long report. ".repeat(2_000) + "\"]}");
        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
        assertThat(large.headers().firstValue("Retry-After")).isEmpty();

        // Straight onto the topic: what a rogue producer writes.
        Map<String, String> expectedStage = new HashMap<>();
        Map<String, String> expectedReason = new HashMap<>();
        rogue("poison-empty-headline", b -> b.setHeadline(""), "field headline:", expectedStage, expectedReason);
        rogue("poison-empty-body", b -> b.setBody(new ArrayList<>()), "field body:", expectedStage, expectedReason);
        rogue("poison-empty-publisher", b -> b.setPublisherId(""), "field publisherId:", expectedStage,
                expectedReason);
        rogue("poison-version-0", b -> b.setVersion(0), "field version:", expectedStage, expectedReason);
        rogue("poison-version-minus-5", b -> b.setVersion(-5), "field version:", expectedStage, expectedReason);
        // As many one-letter paragraphs as the topic takes (its records are limited too).
        rogue("poison-many-paragraphs", b -> b.setBody(new ArrayList<>(Collections.nCopies(50_000, "p"))),
                "field body:", expectedStage, expectedReason);
        List<String> longBody = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            longBody.add("Paragraph " + i + " of a report that is valid but larger than the pipeline carries. "
                    + "It goes on. ".repeat(80));
        }
        try (KafkaProducer<String, ArticleSubmitted> producer = producer()) {
            ArticleSubmitted emptyId = article("", b -> b).build();
            producer.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), "", emptyId)).get();
            ArticleSubmitted tooLarge = article("poison-too-large", b -> b.setBody(longBody)).build();
            producer.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), tooLarge.getArticleId(),
                    tooLarge)).get();
            for (Map.Entry<String, ArticleSubmitted> entry : rogues.entrySet()) {
                producer.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(), entry.getKey(),
                        entry.getValue())).get();
            }
        }
        expectedStage.put("", "validation");
        expectedReason.put("", "field articleId:");
        expectedStage.put("poison-too-large", "size");
        expectedReason.put("poison-too-large", "the limit is " + RECORD_MAX_BYTES + " bytes");
        try (KafkaProducer<byte[], byte[]> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(),
                    "poison-not-avro".getBytes(StandardCharsets.UTF_8),
                    "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
            raw.send(new ProducerRecord<>(catalogue.articlesSubmitted().name(),
                    "poison-unknown-schema".getBytes(StandardCharsets.UTF_8),
                    new byte[] {0, 0, 0, 0x7f, 0x7f, 1, 2, 3})).get();
        }
        expectedStage.put("poison-not-avro", "deserialization");
        expectedReason.put("poison-not-avro", "");
        expectedStage.put("poison-unknown-schema", "deserialization");
        expectedReason.put("poison-unknown-schema", "");

        // After all of it, an ordinary article.
        HttpResponse<String> after = post("{\"guid\":\"after-poison\",\"headline\":\"Harbour reopens after the storm\","
                + "\"body\":[\"The harbour reopened on Monday after three days of storms, the port authority said.\"]}");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(202);
        String afterId = JSON.readTree(after.body()).get("id").asText();

        JsonNode feed = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(PoisonPipelineIT::feed, f -> ids(f).contains("urn:newsflow:article:" + afterId));
        assertThat(ids(feed)).as("nothing of the poison reaches the feed").hasSize(1);

        Map<String, List<DeadLetter>> letters = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(PoisonPipelineIT::deadLetters,
                        found -> found.keySet().containsAll(expectedStage.keySet()));
        for (String key : expectedStage.keySet()) {
            assertThat(letters.get(key)).as("dead letters of %s", key).hasSize(1);
            DeadLetter letter = letters.get(key).get(0);
            assertThat(letter.getService()).isEqualTo("enrich");
            assertThat(letter.getStage()).as(key).isEqualTo(expectedStage.get(key));
            assertThat(letter.getErrorMessage()).as(key).contains(expectedReason.get(key));
            assertThat(letter.getSourceTopic()).isEqualTo(catalogue.articlesSubmitted().name());
        }
        assertThat(letters.get("poison-too-large").get(0).getErrorMessage())
                .as("a dead letter too large to carry its value says so").contains("not kept");
        assertThat(letters.get("poison-empty-headline").get(0).getValue()).as("the bytes, for a replay").isNotNull();
    }

    private final Map<String, ArticleSubmitted> rogues = new HashMap<>();

    private void rogue(String id, UnaryOperator<ArticleSubmitted.Builder> change, String reason,
                       Map<String, String> stages, Map<String, String> reasons) {
        rogues.put(id, change.apply(article(id, b -> b)).build());
        stages.put(id, "validation");
        reasons.put(id, reason);
    }

    private static ArticleSubmitted.Builder article(String id, UnaryOperator<ArticleSubmitted.Builder> change) {
        return change.apply(ArticleSubmitted.newBuilder()
                .setArticleId(id).setPublisherId("rogue").setVersion(1).setAction(ArticleAction.PUBLISH)
                .setSourceFormat(SourceFormat.JSON).setReceivedAt(Instant.parse("2026-03-03T10:15:30Z"))
                .setHeadline("Rogue " + id).setBody(new ArrayList<>(List.of("A paragraph of a rogue record.")))
                .setImages(new ArrayList<>()).setKeywords(new ArrayList<>()).setContentHash("hash-" + id));
    }

    private static HttpResponse<String> post(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + "/v1/articles"))
                        .header("Authorization", "Bearer " + stack.publisherKey())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode feed() throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(stack.feedUrl("json"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static List<String> ids(JsonNode feed) {
        List<String> ids = new ArrayList<>();
        feed.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static Map<String, List<DeadLetter>> deadLetters() {
        TopicSpec<String, DeadLetter> topic = catalogue.articlesDeadLetter();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG, "poison-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, List<DeadLetter>> letters = new HashMap<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, DeadLetter> record : records) {
                    letters.computeIfAbsent(record.key() == null ? "(none)" : record.key(), k -> new ArrayList<>())
                            .add(record.value());
                }
            }
        }
        return letters;
    }

    private static KafkaProducer<String, ArticleSubmitted> producer() {
        TopicSpec<String, ArticleSubmitted> topic = catalogue.articlesSubmitted();
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576), topic.keySerde().serializer(),
                topic.valueSerde().serializer());
    }

    private static KafkaProducer<byte[], byte[]> rawProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }
}
