package dev.newsflow.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.Fixtures;
import dev.newsflow.ingest.SubmittedTopic;
import dev.newsflow.ingest.TestIngest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk posting against a real ingest on the in-JVM broker. */
class BulkPosterIT {
    private static TestIngest ingest;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ingest = TestIngest.start();
    }

    @AfterAll
    static void stop() {
        ingest.close();
    }

    @Test
    void postsEveryFileReportsEachAndSkipsWhatWasAcceptedWhenRunAgain() throws Exception {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        Files.writeString(articles.resolve("a-summit.txt"), Fixtures.read("text/harbour-summit.txt"));
        Files.writeString(articles.resolve("b-ninjs.json"), Fixtures.read("json/ninjs-1.json"));
        Files.writeString(articles.resolve("c-page.html"), Fixtures.read("html/live-sport-article.html"));
        Files.writeString(articles.resolve("d-broken.json"), "{\"body\": [\"no headline\"]}");
        Files.writeString(articles.resolve("e-notes.md"), "# not an article");
        Files.writeString(articles.resolve(".hidden.txt"), "ignored");
        Files.writeString(articles.resolve("f-batch.ndjson"), "{\"headline\": \"One\", \"body\": [\"b\"]}\n"
                + "{\"headline\": \"Two\", \"body\": [\"b\"]}\n");
        Path state = dir.resolve("state/posted.tsv");
        List<String> progress = new ArrayList<>();
        int writtenBefore = SubmittedTopic.forPublisher(ingest.publisher()).size();

        BulkReport first = BulkPoster.builder(ingest.uri("/"), ingest.key()).stateFile(state)
                .progress((result, done, total) -> progress.add(done + "/" + total + " " + result.outcome()))
                .build().post(List.of(articles));

        assertThat(first.results()).extracting(r -> r.file().getFileName().toString())
                .containsExactly("a-summit.txt", "b-ninjs.json", "c-page.html", "d-broken.json", "e-notes.md", "f-batch.ndjson");
        assertThat(first.results()).extracting(FileResult::outcome).containsExactly(FileResult.Outcome.ACCEPTED,
                FileResult.Outcome.ACCEPTED, FileResult.Outcome.ACCEPTED, FileResult.Outcome.REJECTED,
                FileResult.Outcome.REJECTED, FileResult.Outcome.ACCEPTED);
        assertThat(first.results().get(0).articleId()).startsWith(ingest.publisher());
        assertThat(first.results().get(3).status()).isEqualTo(422);
        assertThat(first.results().get(3).detail()).startsWith("headline:");
        assertThat(first.summary()).isEqualTo("6 files: 4 accepted, 0 unchanged, 0 skipped, 2 rejected, 0 failed");
        assertThat(progress).containsExactly("1/6 ACCEPTED", "2/6 ACCEPTED", "3/6 ACCEPTED", "4/6 REJECTED",
                "5/6 REJECTED", "6/6 ACCEPTED");
        assertThat(SubmittedTopic.forPublisher(ingest.publisher())).hasSize(writtenBefore + 5);

        Files.writeString(articles.resolve("d-broken.json"), "{\"headline\": \"Fixed\", \"body\": [\"now valid\"]}");
        BulkReport second = BulkPoster.builder(ingest.uri("/"), ingest.key()).stateFile(state).build()
                .post(List.of(articles));

        assertThat(second.results()).extracting(FileResult::outcome).containsExactly(FileResult.Outcome.SKIPPED,
                FileResult.Outcome.SKIPPED, FileResult.Outcome.SKIPPED, FileResult.Outcome.ACCEPTED,
                FileResult.Outcome.REJECTED, FileResult.Outcome.SKIPPED);
        assertThat(SubmittedTopic.forPublisher(ingest.publisher())).hasSize(writtenBefore + 6);
    }

    @Test
    void withoutAStateFileARepeatedRunIsHarmless() throws Exception {
        Path file = Files.writeString(dir.resolve("one.txt"), Fixtures.read("text/no-section.txt")
                .replace("night-bus", "night-tram"));
        BulkPoster poster = BulkPoster.builder(ingest.uri("/"), ingest.key()).build();

        BulkReport first = poster.post(List.of(file));
        BulkReport again = BulkPoster.builder(ingest.uri("/"), ingest.key()).build().post(List.of(file));

        assertThat(first.results()).singleElement().extracting(FileResult::outcome).isEqualTo(FileResult.Outcome.ACCEPTED);
        assertThat(again.results()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(FileResult.Outcome.UNCHANGED);
            assertThat(result.articleId()).isEqualTo(first.results().get(0).articleId());
        });
    }

    @Test
    void aWrongKeyStopsTheRunAtTheFirstFile() throws Exception {
        Path first = Files.writeString(dir.resolve("x.json"), "{\"headline\": \"H\", \"body\": [\"b\"]}");
        Path second = Files.writeString(dir.resolve("y.json"), "{\"headline\": \"I\", \"body\": [\"c\"]}");
        Path third = Files.writeString(dir.resolve("z.ndjson"), "{\"headline\": \"J\", \"body\": [\"d\"]}\n");

        BulkReport report = BulkPoster.builder(ingest.uri("/"), "wrong-key-000").build()
                .post(List.of(first, second, third));

        assertThat(report.results().get(0)).satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(FileResult.Outcome.REJECTED);
            assertThat(result.status()).isEqualTo(401);
            assertThat(result.detail()).contains("API key");
        });
        assertThat(report.results().subList(1, 3)).allSatisfy(result -> {
            assertThat(result.outcome()).isEqualTo(FileResult.Outcome.FAILED);
            assertThat(result.status()).as("nothing sent").isZero();
            assertThat(result.detail()).startsWith("not sent: ingest refused the API key (401) for ").contains("x.json");
        });
        assertThat(report.allOk()).isFalse();
    }

    @Test
    void anUnreachableIngestIsReportedWithTheReason() throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"headline\": \"H\", \"body\": [\"b\"]}");
        BulkReport report = BulkPoster.builder(java.net.URI.create("http://127.0.0.1:1/"), "k").build()
                .post(List.of(file));
        assertThat(report.results()).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(FileResult.Outcome.FAILED);
            assertThat(result.detail()).isEqualTo("cannot reach ingest at http://127.0.0.1:1/: connection refused "
                    + "(is the service running on that host and port?)").doesNotContain("null");
        });
    }
}
