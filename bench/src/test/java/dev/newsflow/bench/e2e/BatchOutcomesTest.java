package dev.newsflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.bench.corpus.CorpusGenerator;
import dev.newsflow.bench.corpus.CorpusMix;
import dev.newsflow.bench.corpus.Submission;
import dev.newsflow.bench.corpus.SubmissionPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one answer of {@code POST /v1/articles:batch} becomes one outcome per line, as if each had been posted alone. */
class BatchOutcomesTest {
    private final List<Submission> batch = SubmissionPlan.generate(new CorpusGenerator(7), 3,
            CorpusMix.realisticJsonOnly()).submissions();

    @Test
    void eachLineGetsItsOwnStatusIdAndVersion() {
        String body = """
                {"results":[{"line":1,"id":"p:a","version":1,"status":202,"outcome":"accepted"},
                {"line":2,"id":"p:a","version":1,"status":200,"outcome":"unchanged"},
                {"line":3,"status":422,"problem":{"title":"Unprocessable"}}],"accepted":1,"unchanged":1,"rejected":1}""";

        List<PostOutcome> lines = PostSender.batchOutcomes(batch, 5, 200, body, null);

        assertThat(lines).extracting(PostOutcome::sequence).containsExactly(0, 1, 2);
        assertThat(lines).extracting(PostOutcome::status).containsExactly(202, 200, 422);
        assertThat(lines.get(0).versionKey()).isEqualTo("p:a#1");
        assertThat(lines.get(0).accepted()).isTrue();
        assertThat(lines.get(1).repeat()).isTrue();
        assertThat(lines.get(2).articleId()).isNull();
        assertThat(lines.get(2).error()).isEqualTo("line status 422");
        assertThat(lines).allSatisfy(line -> assertThat(line.startNanos()).isEqualTo(5));
    }

    @Test
    void aFailedRequestFailsEveryLine() {
        assertThat(PostSender.batchOutcomes(batch, 5, 503, "{}", null))
                .allSatisfy(line -> assertThat(line.error()).isEqualTo("HTTP 503"));
        assertThat(PostSender.batchOutcomes(batch, 5, 0, null, "HttpTimeoutException"))
                .allSatisfy(line -> assertThat(line.status()).isZero());
    }

    @Test
    void theJsonOnlyMixRendersOneArticleALine() {
        assertThat(batch).allSatisfy(submission -> {
            assertThat(submission.contentType()).isEqualTo("application/json");
            assertThat(submission.payload()).doesNotContain("\n");
        });
    }
}
