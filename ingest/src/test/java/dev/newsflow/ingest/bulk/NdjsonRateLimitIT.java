package dev.newsflow.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.IngestConfig;
import dev.newsflow.ingest.SubmittedTopic;
import dev.newsflow.ingest.TestIngest;
import dev.newsflow.schema.ArticleSubmitted;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An NDJSON file several times the publisher's rate-limit burst, posted against a real ingest whose limit is low
 * (60 a minute, bursts of 3, so no batch can be taken whole however slow the machine): every line must arrive
 * exactly once, in file order, and a rerun must send nothing ingest already has. The 10,000-line run at the
 * default limit is in BENCHMARKS.md.
 */
class NdjsonRateLimitIT {
    private static final int LINES = 12;
    private static final Map<String, String> LIMIT = Map.of(IngestConfig.RATE_LIMIT_PER_MINUTE, "60",
            IngestConfig.RATE_LIMIT_BURST, "3");
    private static TestIngest ingest;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start(LIMIT);
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    private static String line(int n, String body) {
        return "{\"guid\": \"bulk-" + n + "\", \"headline\": \"Story " + n + "\", \"body\": [\"" + body + "\"]}";
    }

    private Path file(String name, int lines) throws Exception {
        String text = IntStream.rangeClosed(1, lines).mapToObj(n -> line(n, "Paragraph of story " + n + "."))
                .collect(Collectors.joining("\n", "", "\n"));
        return Files.writeString(dir.resolve(name), text);
    }

    /** Records each wait, then waits for real: the rate limit refills in real time. */
    private static final class RecordingSleeper implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            waits.add(duration);
            Sleeper.real().sleep(duration);
        }
    }

    @Test
    void aFileLongerThanTheRateLimitPostsCompletelyInOrderAndARerunSendsOnlyWhatChanged() throws Exception {
        Path file = file("many.ndjson", LINES);
        // The same story twice: a later line updates an earlier one, and must stay the later version.
        Files.writeString(file, line(3, "Corrected paragraph of story 3.") + "\n", java.nio.file.StandardOpenOption.APPEND);
        Path state = dir.resolve("state.tsv");
        RecordingSleeper sleeper = new RecordingSleeper();

        BulkReport report = BulkPoster.builder(ingest.uri("/"), ingest.key()).stateFile(state).sleeper(sleeper)
                .batchLines(LINES).build().post(List.of(file));

        assertThat(report.results()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).as(result.detail()).isEqualTo(FileResult.Outcome.ACCEPTED);
            assertThat(result.detail()).startsWith((LINES + 1) + " accepted, 0 unchanged, 0 skipped, 0 rejected lines");
        });
        assertThat(sleeper.waits).as("ingest's rate limit answered 429 and the lines were sent again").isNotEmpty();
        List<ArticleSubmitted> written = SubmittedTopic.forPublisher(ingest.publisher());
        assertThat(written).hasSize(LINES + 1);
        assertThat(written.stream().map(ArticleSubmitted::getGuid).distinct()).hasSize(LINES);
        ArticleSubmitted story3 = written.stream().filter(a -> a.getGuid().equals("bulk-3"))
                .max(java.util.Comparator.comparingInt(ArticleSubmitted::getVersion)).orElseThrow();
        assertThat(story3.getVersion()).isEqualTo(2);
        assertThat(story3.getBody()).containsExactly("Corrected paragraph of story 3.");

        // Unchanged: skipped as a whole, without a request (an unreachable ingest would fail the file).
        BulkReport again = BulkPoster.builder(URI.create("http://127.0.0.1:1/"), ingest.key()).stateFile(state)
                .build().post(List.of(file));
        assertThat(again.results()).singleElement().extracting(FileResult::outcome).isEqualTo(FileResult.Outcome.SKIPPED);

        // One line added: only it is sent, the others cost no request and no rate-limit token.
        Files.writeString(file, line(LINES + 1, "A new story.") + "\n", java.nio.file.StandardOpenOption.APPEND);
        BulkReport third = BulkPoster.builder(ingest.uri("/"), ingest.key()).stateFile(state).sleeper(sleeper)
                .build().post(List.of(file));
        assertThat(third.results()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(FileResult.Outcome.ACCEPTED);
            assertThat(result.detail()).startsWith("1 accepted, 0 unchanged, " + (LINES + 1) + " skipped, 0 rejected lines");
        });
        assertThat(SubmittedTopic.forPublisher(ingest.publisher())).hasSize(LINES + 2);
    }

    @Test
    void aRunStoppedHalfwayResumesWhereItStoppedWithoutPostingAnyLineTwice() throws Exception {
        TestIngest other = TestIngest.start(LIMIT);
        try {
            Path file = file("stopped.ndjson", LINES);
            Path state = dir.resolve("state.tsv");
            // The first run is stopped at its first wait, as Ctrl-C would stop it.
            Sleeper stop = duration -> {
                throw new InterruptedException("stopped");
            };
            BulkReport first = BulkPoster.builder(other.uri("/"), other.key()).stateFile(state).sleeper(stop)
                    .batchLines(LINES).build().post(List.of(file));
            Thread.interrupted();
            assertThat(first.results()).singleElement().extracting(FileResult::outcome)
                    .isEqualTo(FileResult.Outcome.FAILED);
            int takenFirst = SubmittedTopic.forPublisher(other.publisher()).size();
            assertThat(takenFirst).isBetween(1, LINES - 1);

            BulkReport second = BulkPoster.builder(other.uri("/"), other.key()).stateFile(state)
                    .sleeper(new RecordingSleeper()).batchLines(LINES).build().post(List.of(file));

            assertThat(second.results()).singleElement().satisfies(result -> {
                assertThat(result.outcome()).as(result.detail()).isEqualTo(FileResult.Outcome.ACCEPTED);
                assertThat(result.detail()).startsWith((LINES - takenFirst) + " accepted, 0 unchanged, " + takenFirst
                        + " skipped");
            });
            List<ArticleSubmitted> written = SubmittedTopic.forPublisher(other.publisher());
            assertThat(written).hasSize(LINES).allSatisfy(a -> assertThat(a.getVersion()).isEqualTo(1));
        } finally {
            other.close();
        }
    }

    @Test
    void linesIngestNeverTakesAreGivenUpAfterTheRetriesAndReportedAsNotTaken() throws Exception {
        Path file = file("never.ndjson", 3);
        List<Duration> waits = new CopyOnWriteArrayList<>();
        // One article a minute, and that one used up: every round is refused whole, so only retries remain.
        TestIngest slow = TestIngest.start(Map.of(IngestConfig.RATE_LIMIT_PER_MINUTE, "1",
                IngestConfig.RATE_LIMIT_BURST, "1"));
        try {
            slow.postWithKey("/v1/articles", "application/json", "{\"headline\": \"Uses the token\", \"body\": [\"b\"]}");
            BulkReport report = BulkPoster.builder(slow.uri("/"), slow.key()).maxRetries(2).sleeper(waits::add)
                    .build().post(List.of(file));
            assertThat(report.results()).singleElement().satisfies(result -> {
                assertThat(result.outcome()).isEqualTo(FileResult.Outcome.FAILED);
                assertThat(result.status()).isEqualTo(429);
                assertThat(result.detail()).contains("3 not taken").contains("after 2 retries");
            });
            assertThat(waits).hasSize(2);
            // Ingest says to wait about a minute; a second idle round waits at least as long.
            assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        } finally {
            slow.close();
        }
    }
}
