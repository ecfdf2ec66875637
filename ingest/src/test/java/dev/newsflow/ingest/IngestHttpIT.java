package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.SubmittedImage;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The publisher API through real HTTP, writing to the in-JVM broker. */
class IngestHttpIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestIngest ingest;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start();
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aSeedShapedTextIsAcceptedAfterKafkaHasItWithImagesAsSubmittedAndNoChrome() throws Exception {
        HttpResponse<String> response = ingest.postWithKey("/v1/articles", "text/plain; charset=utf-8",
                Fixtures.read("text/harbour-summit.txt"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = json(response);
        String id = answer.get("id").asText();
        assertThat(id).startsWith(ingest.publisher() + "-h-");
        assertThat(answer.get("version").asInt()).isEqualTo(1);
        assertThat(answer.get("action").asText()).isEqualTo("publish");
        assertThat(response.headers().firstValue("Location")).contains("/v1/articles/" + id);

        List<ConsumerRecord<String, ArticleSubmitted>> records = SubmittedTopic.readAll().stream()
                .filter(r -> r.key().equals(id)).toList();
        assertThat(records).hasSize(1);
        ArticleSubmitted article = records.get(0).value();
        assertThat(records.get(0).offset()).isEqualTo(answer.get("offset").asLong());
        assertThat(article.getPublisherId()).isEqualTo(ingest.publisher());
        assertThat(article.getSourceFormat()).isEqualTo(SourceFormat.TEXT);
        assertThat(article.getAction()).isEqualTo(ArticleAction.PUBLISH);
        assertThat(article.getSection()).isEqualTo("News");
        assertThat(article.getCategory()).isEqualTo("Politics");
        assertThat(article.getHeadline()).startsWith("Nordic and Baltic leaders agree");
        assertThat(article.getImages()).hasSize(2).extracting(SubmittedImage::getCredit)
                .containsOnly("Photo: EPA / Kaja Tamm");
        assertThat(article.getBody()).hasSize(5);
        assertThat(String.join(" ", article.getBody())).doesNotContain("shareprint", "Editor in chief", "Privacy policy");
        assertThat(article.getContentHash()).hasSize(64);
    }

    @Test
    void jsonIsAcceptedAndAChangedRepostIsTheNextVersionWhileAnIdenticalOneIsARepeat() throws Exception {
        String first = "{\"guid\": \"story-1\", \"headline\": \"Ferry strike ends\", \"body\": [\"Crews return on Monday.\"]}";
        String changed = "{\"guid\": \"story-1\", \"headline\": \"Ferry strike ends after pay deal\", "
                + "\"body\": [\"Crews return on Monday.\"]}";

        HttpResponse<String> v1 = ingest.postWithKey("/v1/articles", "application/json", first);
        HttpResponse<String> v2 = ingest.postWithKey("/v1/articles", "application/json", changed);
        HttpResponse<String> repeat = ingest.postWithKey("/v1/articles", "application/json", changed);

        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(202);
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(202);
        assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(200);
        String id = json(v1).get("id").asText();
        assertThat(json(v2).get("id").asText()).isEqualTo(id);
        assertThat(json(v2).get("version").asInt()).isEqualTo(2);
        assertThat(json(v2).get("action").asText()).isEqualTo("update");
        assertThat(json(repeat).get("version").asInt()).isEqualTo(2);
        assertThat(json(repeat).get("status").asText()).isEqualTo("unchanged");

        List<ArticleSubmitted> written = SubmittedTopic.forPublisher(ingest.publisher()).stream()
                .filter(a -> a.getArticleId().equals(id)).toList();
        assertThat(written).extracting(ArticleSubmitted::getVersion).containsExactly(1, 2);
    }

    @Test
    void refusalsAreProblemJsonNamingTheFieldAndNothingIsProduced() throws Exception {
        String marker = "Refused marker " + System.nanoTime();
        String valid = "{\"headline\": \"" + marker + "\", \"body\": [\"Text.\"]}";

        HttpResponse<String> malformed = ingest.postWithKey("/v1/articles", "application/json",
                "{\"headline\": \"" + marker + "\", \"body\": [");
        HttpResponse<String> noHeadline = ingest.postWithKey("/v1/articles", "application/json",
                "{\"body\": [\"" + marker + "\"]}");
        HttpResponse<String> wrongKey = ingest.post("/v1/articles", "application/json", valid,
                "Authorization", "Bearer not-a-key-of-anyone");
        HttpResponse<String> noKey = ingest.post("/v1/articles", "application/json", valid);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(noHeadline.statusCode()).isEqualTo(422);
        assertThat(json(noHeadline).get("field").asText()).isEqualTo("headline");
        assertThat(json(noHeadline).get("detail").asText()).contains("headline");
        assertThat(wrongKey.statusCode()).isEqualTo(401);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        for (HttpResponse<String> response : List.of(malformed, noHeadline, wrongKey, noKey)) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json(response);
            assertThat(problem.get("status").asInt()).isEqualTo(response.statusCode());
            assertThat(problem.get("type").asText()).startsWith("urn:newsflow:problem:");
            assertThat(problem.get("title").asText()).isNotBlank();
        }

        assertThat(SubmittedTopic.readAll()).noneMatch(r -> r.value().getHeadline().contains(marker)
                || r.value().getBody().stream().anyMatch(p -> p.contains(marker)));
    }

    @Test
    void healthAndMetricsAreServed() throws Exception {
        HttpResponse<String> health = ingest.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
        assertThat(json(health).get("checks").get("kafka").asBoolean()).isTrue();
        assertThat(json(health).get("checks").get("schema-registry").asBoolean()).isTrue();
        assertThat(ingest.get("/health/live").statusCode()).isEqualTo(200);
        assertThat(ingest.get("/health/ready").statusCode()).isEqualTo(200);

        ingest.post("/v1/articles", "application/json", "{}");
        ingest.postWithKey("/v1/articles", "application/json", "{\"body\": [\"no headline\"]}");
        ingest.postWithKey("/v1/articles", "text/plain", "Metrics check\n\nCounted once.");
        HttpResponse<String> metrics = ingest.getManagement("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("newsflow_ingest_articles_rejected_total{", "reason=\"unauthorized\"",
                "reason=\"invalid-article\"", "newsflow_ingest_request_seconds_bucket{", "route=\"/v1/articles\"",
                "newsflow_kafka_producer_record_send_total{")
                .containsPattern("newsflow_ingest_articles_accepted_total\\{[^}]*publisher=\"" + ingest.publisher() + "\"");
    }

    /** Issue 15: /metrics (publishers, their volumes, the service's load) was open to anyone reaching the API port. */
    @Test
    void metricsAreNotServedOnThePublishersPort() throws Exception {
        HttpResponse<String> metrics = ingest.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(metrics.body()).doesNotContain("newsflow_").contains("management port");
        assertThat(json(ingest.get("/")).path("endpoints").has("/v1/articles")).isTrue();
    }
}
