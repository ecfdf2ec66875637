package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Size and rate limits, each on its own small-limit service. */
class IngestLimitsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBodyOverTheLimitIs413AndNothingIsWritten() throws Exception {
        try (TestIngest ingest = TestIngest.start(Map.of(IngestConfig.MAX_BODY_BYTES, "2048"))) {
            String big = "{\"headline\": \"Too big\", \"body\": [\"" + "x".repeat(3000) + "\"]}";
            HttpResponse<String> response = ingest.postWithKey("/v1/articles", "application/json", big);

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(JSON.readTree(response.body()).get("type").asText()).endsWith("payload-too-large");
            assertThat(SubmittedTopic.forPublisher(ingest.publisher())).isEmpty();
        }
    }

    /**
     * A body within the 2 MiB request limit whose record Kafka would refuse: 413 naming the limit, never the
     * "retry later" 503 a client would repeat for ever.
     */
    @Test
    void anArticleTooLargeForThePipelineIs413NamingTheLimitNot503() throws Exception {
        try (TestIngest ingest = TestIngest.start(Map.of(IngestConfig.RATE_LIMIT_PER_MINUTE, "0"))) {
            StringBuilder body = new StringBuilder("{\"headline\": \"Too big to deliver\", \"body\": [");
            for (int i = 0; i < 1_000; i++) {
                body.append(i == 0 ? "" : ",").append('"').append(("Paragraph " + i + " goes on. ").repeat(60)).append('"');
            }
            String json = body.append("]}").toString();
            assertThat(json.length()).isBetween(1_200_000, 2 * 1024 * 1024);

            HttpResponse<String> response = ingest.postWithKey("/v1/articles", "application/json", json);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asText()).endsWith("payload-too-large");
            assertThat(problem.get("detail").asText()).contains("the limit is 278,080 bytes");
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
            assertThat(SubmittedTopic.forPublisher(ingest.publisher())).isEmpty();
        }
    }

    /** ~1 MB of one-letter paragraphs enriched to 12.6 MB and crash-looped enrich; now refused at the door. */
    @Test
    void anArticleOfTwoHundredThousandParagraphsIs422NamingTheLimit() throws Exception {
        try (TestIngest ingest = TestIngest.start(Map.of())) {
            String json = "{\"guid\":\"mp\",\"headline\":\"Many paragraphs\",\"body\":["
                    + String.join(",", java.util.Collections.nCopies(200_000, "\"p\"")) + "]}";
            HttpResponse<String> response = ingest.postWithKey("/v1/articles", "application/json", json);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("field").asText()).isEqualTo("body");
            assertThat(problem.get("detail").asText()).contains("200000 paragraphs", "the limit is 2000");
            assertThat(SubmittedTopic.forPublisher(ingest.publisher())).isEmpty();
        }
    }

    @Test
    void overThePublishersRateTheAnswerIs429WithRetryAfter() throws Exception {
        try (TestIngest ingest = TestIngest.start(Map.of(IngestConfig.RATE_LIMIT_PER_MINUTE, "1",
                IngestConfig.RATE_LIMIT_BURST, "2"))) {
            int[] statuses = new int[3];
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = ingest.postWithKey("/v1/articles", "application/json",
                        "{\"headline\": \"Rate " + i + "\", \"body\": [\"b\"]}");
                statuses[i] = last.statusCode();
            }

            assertThat(statuses).containsExactly(202, 202, 429);
            assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            assertThat(SubmittedTopic.forPublisher(ingest.publisher())).hasSize(2);
        }
    }
}
