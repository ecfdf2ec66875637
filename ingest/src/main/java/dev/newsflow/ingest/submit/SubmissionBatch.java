package dev.newsflow.ingest.submit;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleIds;
import dev.newsflow.ingest.article.ContentHash;
import dev.newsflow.ingest.kafka.AcceptedVersion;
import dev.newsflow.ingest.kafka.ArticleSink;
import dev.newsflow.ingest.kafka.KafkaUnavailableException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lines of one batch request, sent to Kafka one after another without waiting and acknowledged
 * together: one wait for acks=all per batch instead of one per line. Each line is decided and recorded
 * exactly as a single submission is ({@link ArticleSubmitter}); what changes is when the batch waits:
 * <ul>
 *   <li>before a line of an article that already has a version in flight, for everything in flight (the
 *       next version is numbered from an acknowledged one, and an article's versions reach Kafka in order);</li>
 *   <li>before waiting for an article's lock that another request holds, for everything in flight, so a
 *       batch never waits for a lock while holding others (two batches cannot wait for each other);</li>
 *   <li>at {@link #complete()}.</li>
 * </ul>
 * A line's lock is held from its decision until the batch waits for it (at most {@value #MAX_IN_FLIGHT} lines are in
 * flight), so a single POST of the same story waits for that, not only for one Kafka round trip.
 */
public final class SubmissionBatch {
    /** Lines in flight at most: bounds how long a single POST of one of their stories waits for the batch. */
    static final int MAX_IN_FLIGHT = 100;

    private final ArticleSubmitter submitter;
    private final String publisherId;
    private final List<Line> inFlight = new ArrayList<>();
    private final Set<String> articlesInFlight = new HashSet<>();
    private boolean kafkaUnavailable;

    SubmissionBatch(ArticleSubmitter submitter, String publisherId) {
        this.submitter = submitter;
        this.publisherId = publisherId;
    }

    /**
     * Decides the draft's next version and sends it. Lifecycle refusals (not found, conflict) and refusals
     * known before sending are thrown here; a repeat's line is complete at once.
     */
    public Line submit(ArticleDraft draft) {
        String articleId = ArticleIds.articleId(publisherId, draft);
        if (articlesInFlight.contains(articleId) || inFlight.size() >= MAX_IN_FLIGHT) {
            complete();
        }
        ArticleLocks.Held held = submitter.locks().tryHold(articleId);
        if (held == null) {
            complete();
            refuseIfKafkaUnavailable();
            held = submitter.locks().hold(articleId);
        }
        // Completing may have found that Kafka refused an earlier line, perhaps an earlier version of this story.
        if (kafkaUnavailable) {
            held.release();
            refuseIfKafkaUnavailable();
        }
        boolean sent = false;
        try {
            ArticleSubmitter.NextStep step = submitter.nextStep(publisherId, articleId, ContentHash.of(draft), draft);
            if (step.repeatOf() != null) {
                return Line.done(ArticleSubmitter.repeat(step.repeatOf()));
            }
            Line line = new Line(held, submitter.sink().send(step.toWrite(), Map.of()));
            sent = true;
            inFlight.add(line);
            articlesInFlight.add(articleId);
            return line;
        } catch (KafkaUnavailableException e) {
            kafkaUnavailable = true;
            throw e;
        } finally {
            if (!sent) {
                held.release();
            }
        }
    }

    /**
     * True once a write of this batch failed for want of Kafka: the lines not yet sent are then not sent
     * (a story's later versions must not reach Kafka before its refused ones are sent again).
     */
    public boolean kafkaUnavailable() {
        return kafkaUnavailable;
    }

    /** Throws the refusal of a line not attempted because Kafka did not take an earlier one. */
    public void refuseIfKafkaUnavailable() {
        if (kafkaUnavailable) {
            throw new KafkaUnavailableException("not attempted: Kafka did not take an earlier line of this batch", null);
        }
    }

    /** Waits for every line in flight, records each acknowledged version and releases its lock. */
    public void complete() {
        try {
            for (Line line : inFlight) {
                try {
                    AcceptedVersion accepted = line.pending.await();
                    submitter.ledger().record(accepted);
                    line.result = ArticleSubmitter.written(accepted);
                } catch (RuntimeException e) {
                    kafkaUnavailable |= e instanceof KafkaUnavailableException;
                    line.failure = e;
                } finally {
                    line.release();
                }
            }
        } finally {
            // Even after an Error, no line's lock may outlive the request: later POSTs of its story would wait forever.
            inFlight.forEach(Line::release);
            inFlight.clear();
            articlesInFlight.clear();
        }
    }

    /** One line's submission; its outcome is known once the batch has completed it. */
    public static final class Line {
        private final ArticleLocks.Held held;
        private final ArticleSink.PendingWrite pending;
        private SubmissionResult result;
        private RuntimeException failure;

        private boolean released;

        private Line(ArticleLocks.Held held, ArticleSink.PendingWrite pending) {
            this.held = held;
            this.pending = pending;
        }

        private void release() {
            if (held != null && !released) {
                released = true;
                held.release();
            }
        }

        private static Line done(SubmissionResult result) {
            Line line = new Line(null, null);
            line.result = result;
            return line;
        }

        /** The line's result, or the refusal it met (thrown); only after {@link SubmissionBatch#complete()}. */
        public SubmissionResult result() {
            if (failure != null) {
                throw failure;
            }
            if (result == null) {
                throw new IllegalStateException("the batch has not been completed");
            }
            return result;
        }
    }
}
