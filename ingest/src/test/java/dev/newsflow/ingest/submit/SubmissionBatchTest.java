package dev.newsflow.ingest.submit;

import static dev.newsflow.ingest.submit.SubmissionFixtures.awaitLatch;
import static dev.newsflow.ingest.submit.SubmissionFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.kafka.AcceptedVersion;
import dev.newsflow.ingest.kafka.ArticleLedger;
import dev.newsflow.ingest.kafka.ArticleSink;
import dev.newsflow.ingest.kafka.KafkaUnavailableException;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch sends its lines before it waits, keeps each article's versions in order, and never deadlocks. */
class SubmissionBatchTest {
    private static final String PUBLISHER = "pub";
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ArticleLedger ledger = new ArticleLedger();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void linesOfDifferentArticlesAreAllSentBeforeTheBatchWaits() {
        EventSink sink = new EventSink(article -> false);
        ArticleSubmitter submitter = new ArticleSubmitter(ledger, sink, Clock.systemUTC());

        SubmissionBatch batch = submitter.batch(PUBLISHER);
        List<SubmissionBatch.Line> lines = List.of(batch.submit(draft("a", "A.")), batch.submit(draft("b", "B.")),
                batch.submit(draft("c", "C.")));
        assertThat(ledger.size()).as("nothing counts as accepted before its acknowledgement").isZero();
        batch.complete();

        assertThat(sink.events).containsExactly("send a v1", "send b v1", "send c v1", "await a v1", "await b v1",
                "await c v1");
        assertThat(lines).allSatisfy(line -> assertThat(line.result().version()).isEqualTo(1));
        assertThat(ledger.size()).isEqualTo(3);
        assertThat(submitter.articlesInFlight()).isZero();
    }

    @Test
    void theNextVersionOfAnArticleInFlightWaitsForItsAcknowledgement() {
        EventSink sink = new EventSink(article -> false);
        ArticleSubmitter submitter = new ArticleSubmitter(ledger, sink, Clock.systemUTC());

        SubmissionBatch batch = submitter.batch(PUBLISHER);
        SubmissionBatch.Line first = batch.submit(draft("a", "First."));
        SubmissionBatch.Line other = batch.submit(draft("b", "Other."));
        SubmissionBatch.Line second = batch.submit(draft("a", "Second."));
        SubmissionBatch.Line repeat = batch.submit(draft("a", "Second."));
        batch.complete();

        assertThat(sink.events).containsExactly("send a v1", "send b v1", "await a v1", "await b v1", "send a v2",
                "await a v2");
        assertThat(first.result().version()).isEqualTo(1);
        assertThat(other.result().version()).isEqualTo(1);
        assertThat(second.result().version()).isEqualTo(2);
        assertThat(repeat.result().repeat()).isTrue();
        assertThat(repeat.result().version()).isEqualTo(2);
    }

    @Test
    void twoBatchesTakingTheSameArticlesInOppositeOrderBothFinish() throws Exception {
        // Both batches hold the lock of their first article before either asks for its second: a batch that
        // waited for the other's lock while holding its own would never finish.
        CountDownLatch bothHoldTheirFirst = new CountDownLatch(2);
        ArticleSubmitter submitter = new ArticleSubmitter(ledger, new EventSink(article -> false), Clock.systemUTC());

        Future<List<Integer>> forward = pool.submit(() -> versions(submitter, "x", "y", bothHoldTheirFirst));
        Future<List<Integer>> backward = pool.submit(() -> versions(submitter, "y", "x", bothHoldTheirFirst));

        List<Integer> forwardVersions = forward.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        List<Integer> backwardVersions = backward.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(forwardVersions).hasSize(2);
        assertThat(backwardVersions).hasSize(2);
        assertThat(ledger.latest(id("x")).orElseThrow().version()).isEqualTo(2);
        assertThat(ledger.latest(id("y")).orElseThrow().version()).isEqualTo(2);
        assertThat(submitter.articlesInFlight()).isZero();
    }

    @Test
    void aWriteKafkaDidNotTakeIsRefusedWhileTheOthersInFlightKeepTheirOutcome() {
        EventSink sink = new EventSink(article -> article.getArticleId().equals(id("b")));
        ArticleSubmitter submitter = new ArticleSubmitter(ledger, sink, Clock.systemUTC());

        SubmissionBatch batch = submitter.batch(PUBLISHER);
        SubmissionBatch.Line a = batch.submit(draft("a", "A."));
        SubmissionBatch.Line b = batch.submit(draft("b", "B."));
        SubmissionBatch.Line c = batch.submit(draft("c", "C."));
        assertThat(batch.kafkaUnavailable()).isFalse();
        batch.complete();

        assertThat(batch.kafkaUnavailable()).isTrue();
        assertThat(a.result().version()).isEqualTo(1);
        assertThatThrownBy(b::result).isInstanceOf(KafkaUnavailableException.class);
        assertThat(c.result().version()).as("sent before the failure was known, and acknowledged").isEqualTo(1);
        assertThat(ledger.latest(id("b"))).isEmpty();
        assertThat(ledger.latest(id("c"))).isPresent();
        assertThat(submitter.articlesInFlight()).isZero();
    }

    @Test
    void aStorysNextVersionIsNotSentAfterKafkaRefusedTheVersionBefore() {
        EventSink sink = new EventSink(article -> article.getArticleId().equals(id("a")) && article.getVersion() == 1);
        ArticleSubmitter submitter = new ArticleSubmitter(ledger, sink, Clock.systemUTC());

        SubmissionBatch batch = submitter.batch(PUBLISHER);
        SubmissionBatch.Line first = batch.submit(draft("a", "First."));
        batch.submit(draft("b", "Other."));
        assertThatThrownBy(() -> batch.submit(draft("a", "Second.")))
                .isInstanceOf(KafkaUnavailableException.class).hasMessageContaining("not attempted");
        assertThatThrownBy(() -> batch.submit(draft("c", "Later."))).isInstanceOf(KafkaUnavailableException.class);
        batch.complete();

        assertThatThrownBy(first::result).isInstanceOf(KafkaUnavailableException.class);
        assertThat(sink.events).containsExactly("send a v1", "send b v1", "await a v1", "await b v1");
        assertThat(submitter.articlesInFlight()).isZero();
    }

    @Test
    void aLongBatchWaitsEveryHundredLinesSoItsLocksAreNotHeldForTheWholeRequest() {
        EventSink sink = new EventSink(article -> false);
        ArticleSubmitter submitter = new ArticleSubmitter(ledger, sink, Clock.systemUTC());

        SubmissionBatch batch = submitter.batch(PUBLISHER);
        for (int i = 0; i <= SubmissionBatch.MAX_IN_FLIGHT; i++) {
            batch.submit(draft("story-" + i, "Text " + i + "."));
        }
        assertThat(ledger.size()).isEqualTo(SubmissionBatch.MAX_IN_FLIGHT);
        assertThat(submitter.articlesInFlight()).isEqualTo(1);
        batch.complete();
        assertThat(ledger.size()).isEqualTo(SubmissionBatch.MAX_IN_FLIGHT + 1);
    }

    @Test
    void aLifecycleRefusalReleasesTheArticleAtOnce() {
        EventSink sink = new EventSink(article -> false);
        ArticleSubmitter submitter = new ArticleSubmitter(ledger, sink, Clock.systemUTC());

        SubmissionBatch batch = submitter.batch(PUBLISHER);
        ArticleDraft kill = ArticleDraft.builder(SourceFormat.JSON).guid("never-published").headline("Gone")
                .body(List.of("x")).action(dev.newsflow.schema.ArticleAction.KILL).build();
        assertThatThrownBy(() -> batch.submit(kill)).isInstanceOf(ArticleNotFoundException.class);
        assertThat(submitter.articlesInFlight()).isZero();
        batch.complete();
        assertThat(sink.events).isEmpty();
    }

    private List<Integer> versions(ArticleSubmitter submitter, String firstGuid, String secondGuid,
                                   CountDownLatch bothHoldTheirFirst) {
        SubmissionBatch batch = submitter.batch(PUBLISHER);
        String text = "From " + firstGuid + " " + secondGuid + ".";
        List<SubmissionBatch.Line> lines;
        try {
            SubmissionBatch.Line first = batch.submit(draft(firstGuid, text));
            bothHoldTheirFirst.countDown();
            awaitLatch(bothHoldTheirFirst, BOUND, "the other batch never sent its first line");
            lines = List.of(first, batch.submit(draft(secondGuid, text)));
        } finally {
            batch.complete();
        }
        return lines.stream().map(line -> line.result().version()).toList();
    }

    private static String id(String guid) {
        return dev.newsflow.ingest.article.ArticleIds.articleId(PUBLISHER, draft(guid, "x"));
    }


    /** Records sends and awaits in order; a write the predicate picks is not acknowledged. */
    private static final class EventSink implements ArticleSink {
        private final Queue<String> events = new ConcurrentLinkedQueue<>();
        private final AtomicLong offsets = new AtomicLong();
        private final Predicate<ArticleSubmitted> refuse;

        EventSink(Predicate<ArticleSubmitted> refuse) {
            this.refuse = refuse;
        }

        @Override
        public AcceptedVersion write(ArticleSubmitted article, Map<String, String> headers) {
            return send(article, headers).await();
        }

        @Override
        public PendingWrite send(ArticleSubmitted article, Map<String, String> headers) {
            String name = guidOf(article) + " v" + article.getVersion();
            events.add("send " + name);
            return () -> {
                boolean refused = refuse.test(article);
                events.add("await " + name);
                if (refused) {
                    throw new KafkaUnavailableException("Kafka did not acknowledge the write", null);
                }
                return AcceptedVersion.of(article, 0, offsets.getAndIncrement());
            };
        }

        private static String guidOf(ArticleSubmitted article) {
            for (String guid : List.of("a", "b", "c", "x", "y")) {
                if (article.getArticleId().equals(id(guid))) {
                    return guid;
                }
            }
            return article.getArticleId();
        }
    }
}
