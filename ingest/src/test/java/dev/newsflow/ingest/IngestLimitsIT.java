package dev.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
