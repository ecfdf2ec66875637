package dev.newsflow.ingest.submit;

import static dev.newsflow.ingest.submit.SubmissionFixtures.awaitLatch;
import static dev.newsflow.ingest.submit.SubmissionFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleIds;
import dev.newsflow.ingest.kafka.AcceptedVersion;
import dev.newsflow.ingest.kafka.ArticleLedger;
import dev.newsflow.ingest.kafka.ArticleSink;
import dev.newsflow.schema.ArticleSubmitted;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent submissions against a stub in place of Kafka: versions per article stay 1..n without
 * gaps or repeats, and an article's slow write holds up only later submissions of that article.
 */
class ArticleSubmitterConcurrencyTest {
    private static final String PUBLISHER = "pub";
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void manyThreadsOnFewAndOnManyArticlesGiveEveryArticleVersionsOneToN() throws Exception {
        RecordingSink sink = new RecordingSink(article -> Thread.yield());
        ArticleLedger ledger = new ArticleLedger();
        ArticleSubmitter submitter = new ArticleSubmitter(ledger, sink, Clock.systemUTC());
        Map<String, Integer> expected = new ConcurrentHashMap<>();
        List<Runnable> submissions = new ArrayList<>();
        addSubmissions(submissions, expected, submitter, "hot", 4, 50);
        addSubmissions(submissions, expected, submitter, "cold", 300, 3);
        Collections.shuffle(submissions, new java.util.Random(7));

        List<Future<?>> done = submissions.stream().<Future<?>>map(pool::submit).toList();
        for (Future<?> future : done) {
            future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(sink.versionsById.keySet()).isEqualTo(expected.keySet());
        expected.forEach((id, n) -> {
            assertThat(sink.versionsById.get(id)).as(id).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, n).boxed().toList());
            assertThat(ledger.latest(id).orElseThrow().version()).isEqualTo(n);
        });
        assertThat(submitter.articlesInFlight()).isZero();
    }

    @Test
    void aSlowWriteHoldsUpOnlyTheSameArticle() throws Exception {
        ArticleDraft slow = draft("slow-story", "First text.");
        String slowId = ArticleIds.articleId(PUBLISHER, slow);
        // An article that shared a lock stripe with the slow one under the old 64-stripe scheme.
        ArticleDraft other = IntStream.range(0, 10_000).mapToObj(i -> draft("other-" + i, "Other text."))
                .filter(d -> Math.floorMod(ArticleIds.articleId(PUBLISHER, d).hashCode(), 64)
                        == Math.floorMod(slowId.hashCode(), 64))
                .findFirst().orElseThrow();
        CountDownLatch slowWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseSlowWrite = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink(article -> {
            if (article.getArticleId().equals(slowId) && article.getVersion() == 1) {
                slowWriteStarted.countDown();
                awaitLatch(releaseSlowWrite, BOUND, "the test never released the write");
            }
        });
        ArticleSubmitter submitter = new ArticleSubmitter(new ArticleLedger(), sink, Clock.systemUTC());

        Future<SubmissionResult> slowFirst = pool.submit(() -> submitter.submit(PUBLISHER, slow, null));
        assertThat(slowWriteStarted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        SubmissionResult otherResult = pool.submit(() -> submitter.submit(PUBLISHER, other, null))
                .get(BOUND.toSeconds(), TimeUnit.SECONDS);
        Thread sameArticle = new Thread(() -> submitter.submit(PUBLISHER, draft("slow-story", "Second text."), null));
        sameArticle.start();
        await().atMost(BOUND).until(() -> sameArticle.getState() == Thread.State.WAITING);

        assertThat(otherResult.version()).isEqualTo(1);
        assertThat(slowFirst).isNotDone();
        assertThat(sink.versionsById.get(slowId)).containsExactly(1);

        releaseSlowWrite.countDown();
        assertThat(slowFirst.get(BOUND.toSeconds(), TimeUnit.SECONDS).version()).isEqualTo(1);
        sameArticle.join(BOUND.toMillis());
        assertThat(sink.versionsById.get(slowId)).containsExactly(1, 2);
        assertThat(submitter.articlesInFlight()).isZero();
    }

    private static void addSubmissions(List<Runnable> submissions, Map<String, Integer> expected,
                                       ArticleSubmitter submitter, String prefix, int articles, int versions) {
        for (int a = 0; a < articles; a++) {
            String guid = prefix + "-" + a;
            expected.put(ArticleIds.articleId(PUBLISHER, draft(guid, "x")), versions);
            for (int v = 0; v < versions; v++) {
                ArticleDraft draft = draft(guid, "Text " + v + " of " + guid + ".");
                submissions.add(() -> assertThat(submitter.submit(PUBLISHER, draft, null).repeat()).isFalse());
            }
        }
    }


    /** Accepts every write at the next offset and records, per article, the versions in write order. */
    private static final class RecordingSink implements ArticleSink {
        private final Map<String, Queue<Integer>> versionsById = new ConcurrentHashMap<>();
        private final AtomicLong offsets = new AtomicLong();
        private final Consumer<ArticleSubmitted> duringWrite;

        RecordingSink(Consumer<ArticleSubmitted> duringWrite) {
            this.duringWrite = duringWrite;
        }

        @Override
        public AcceptedVersion write(ArticleSubmitted article, Map<String, String> headers) {
            versionsById.computeIfAbsent(article.getArticleId(), id -> new ConcurrentLinkedQueue<>())
                    .add(article.getVersion());
            duringWrite.accept(article);
            return AcceptedVersion.of(article, 0, offsets.getAndIncrement());
        }
    }
}
