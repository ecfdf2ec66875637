package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.testing.TestKafka;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart, keys rotated while running, and what happens when Kafka cannot take a write. */
class IngestRestartAndFailureIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void versionsRepeatsAndIdempotencyKeysSurviveARestart() throws Exception {
        String publisher = TestKafka.unique("restart");
        String body = "{\"guid\": \"r-1\", \"headline\": \"Port reopens\", \"body\": [\"Ships move again.\"]}";
        String id;
        HttpResponse<String> first;
        try (TestIngest before = TestIngest.start(publisher, Map.of())) {
            first = before.postWithKey("/v1/articles", "application/json", body, "Idempotency-Key", "k-1");
            assertThat(first.statusCode()).isEqualTo(202);
            id = JSON.readTree(first.body()).get("id").asText();
        }

        try (TestIngest after = TestIngest.start(publisher, Map.of())) {
            HttpResponse<String> repeat = after.postWithKey("/v1/articles", "application/json", body);
            HttpResponse<String> retried = after.postWithKey("/v1/articles", "application/json", body, "Idempotency-Key", "k-1");
            HttpResponse<String> update = after.postWithKey("/v1/articles", "application/json",
                    body.replace("Ships move again.", "Ships move again after the storm."));
            HttpResponse<String> read = after.get("/v1/articles/" + id, "X-Api-Key", after.key());
            HttpResponse<String> retriedAfterUpdate = after.postWithKey("/v1/articles", "application/json", body,
                    "Idempotency-Key", "k-1");

            assertThat(repeat.statusCode()).isEqualTo(200);
            // The key's first answer, rebuilt from the record's Kafka headers: the same status and body.
            assertThat(retried.statusCode()).isEqualTo(202);
            assertThat(retried.body()).isEqualTo(first.body());
            assertThat(update.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(update.body()).get("version").asInt()).isEqualTo(2);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(retriedAfterUpdate.statusCode()).isEqualTo(202);
            assertThat(retriedAfterUpdate.body()).isEqualTo(first.body());
        }
        assertThat(SubmittedTopic.forPublisher(publisher)).hasSize(2);
    }

    @Test
    void afterARestartGetReturnsTheWholeArticleReadBackFromKafka() throws Exception {
        String publisher = TestKafka.unique("reread");
        String body = "{\"guid\": \"rr-1\", \"headline\": \"Bridge closes\", \"byline\": \"By A. Writer\", "
                + "\"section\": \"News\", \"keywords\": [\"bridge\", \"traffic\"], "
                + "\"images\": [{\"caption\": \"The bridge at dawn.\", \"credit\": \"Photo: Agency\"}], "
                + "\"body\": [\"The bridge closed on Monday.\", \"Engineers found cracks.\", \"It reopens in May.\"]}";
        String id;
        JsonNode before;
        try (TestIngest first = TestIngest.start(publisher, Map.of())) {
            id = JSON.readTree(first.postWithKey("/v1/articles", "application/json", body).body()).get("id").asText();
            before = JSON.readTree(first.get("/v1/articles/" + id, "X-Api-Key", first.key()).body());
        }

        try (TestIngest after = TestIngest.start(publisher, Map.of())) {
            HttpResponse<String> read = after.get("/v1/articles/" + id, "X-Api-Key", after.key());

            assertThat(read.statusCode()).isEqualTo(200);
            JsonNode article = JSON.readTree(read.body());
            assertThat(article).isEqualTo(before);
            assertThat(article.get("headline").asText()).isEqualTo("Bridge closes");
            assertThat(article.get("body")).extracting(JsonNode::asText)
                    .containsExactly("The bridge closed on Monday.", "Engineers found cracks.", "It reopens in May.");
            assertThat(article.get("images").get(0).get("caption").asText()).isEqualTo("The bridge at dawn.");
            assertThat(article.get("keywords")).extracting(JsonNode::asText).containsExactly("bridge", "traffic");
        }
    }

    @Test
    void whenKafkaCannotGiveTheArticleBackInTimeGetAnswers503() throws Exception {
        String publisher = TestKafka.unique("unread");
        String body = "{\"guid\": \"ur-1\", \"headline\": \"Tide\", \"body\": [\"High tide.\"]}";
        // Only the reader is cut off from Kafka: the ledger knows the article, its text cannot be fetched.
        try (TestIngest ingest = TestIngest.start(publisher, Map.of(IngestConfig.READ_TIMEOUT_MS, "500",
                IngestConfig.RETRY_AFTER_SECONDS, "3", IngestConfig.READER_PREFIX + "bootstrap.servers",
                "127.0.0.1:" + closedPort()))) {
            String id = JSON.readTree(ingest.postWithKey("/v1/articles", "application/json", body).body())
                    .get("id").asText();

            HttpResponse<String> read = ingest.get("/v1/articles/" + id, "X-Api-Key", ingest.key());

            assertThat(read.statusCode()).as(read.body()).isEqualTo(503);
            assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(read.headers().firstValue("Retry-After")).contains("3");
            assertThat(JSON.readTree(read.body()).get("type").asText()).endsWith("kafka-unavailable");
        }
    }

    @Test
    void aKeyAddedToTheKeyFileWorksWithoutARestartAndARemovedOneStops() throws Exception {
        Path keys = dir.resolve("keys.txt");
        String rotated = TestKafka.unique("rot");
        Files.writeString(keys, rotated + ":old-key-0001\n");
        try (TestIngest ingest = TestIngest.start(Map.of(IngestConfig.API_KEYS_FILE, keys.toString(),
                IngestConfig.API_KEYS_RELOAD_INTERVAL_MS, "100"))) {
            String body = "{\"headline\": \"Rotation\", \"body\": [\"b\"]}";
            assertThat(ingest.post("/v1/articles", "application/json", body, "X-Api-Key", "old-key-0001").statusCode())
                    .isEqualTo(202);

            Files.writeString(keys, rotated + ":new-key-0002\n");

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> ingest.post(
                    "/v1/articles", "application/json", body, "X-Api-Key", "new-key-0002").statusCode() == 200);
            assertThat(ingest.post("/v1/articles", "application/json", body, "X-Api-Key", "old-key-0001").statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void whenKafkaCannotTakeTheWriteInTimeTheAnswerIs503AndNothingIsAccepted() throws Exception {
        String publisher = TestKafka.unique("outage");
        String body = "{\"guid\": \"unavailable-1\", \"headline\": \"Outage\", \"body\": [\"b\"]}";
        // The producer alone is cut off from Kafka (as by a network partition): nothing listens on its bootstrap port.
        try (TestIngest cutOff = TestIngest.start(publisher, Map.of(IngestConfig.PRODUCE_TIMEOUT_MS, "1500",
                IngestConfig.RETRY_AFTER_SECONDS, "7", IngestConfig.PRODUCER_PREFIX + "bootstrap.servers",
                "127.0.0.1:" + closedPort()))) {
            HttpResponse<String> refused = cutOff.postWithKey("/v1/articles", "application/json", body);

            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("7");
            assertThat(JSON.readTree(refused.body()).get("type").asText()).endsWith("kafka-unavailable");
            HttpResponse<String> health = cutOff.get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(health.body()).get("checks").get("kafka-writes").asBoolean()).isFalse();
        }
        assertThat(SubmittedTopic.forPublisher(publisher)).isEmpty();

        try (TestIngest recovered = TestIngest.start(publisher, Map.of())) {
            HttpResponse<String> retried = recovered.postWithKey("/v1/articles", "application/json", body);
            assertThat(retried.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(retried.body()).get("version").asInt()).isEqualTo(1);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
