package dev.newsflow.ingest.submit;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleIds;
import dev.newsflow.ingest.article.ArticleRecords;
import dev.newsflow.ingest.article.ContentHash;
import dev.newsflow.ingest.kafka.AcceptedVersion;
import dev.newsflow.ingest.kafka.ArticleLedger;
import dev.newsflow.ingest.kafka.ArticleSink;
import dev.newsflow.ingest.kafka.SubmissionHeaders;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a validated draft into the next version of its article and writes it. Lifecycle:
 * <ul>
 *   <li>first submission of an id: version 1, action {@code publish} unless the publisher said otherwise;</li>
 *   <li>a later submission: version + 1, action {@code update} unless the publisher said
 *       {@code correct} or {@code kill};</li>
 *   <li>the same content (and action, when given) as the latest version: a repeat, answered
 *       with the existing id and version, and nothing written;</li>
 *   <li>{@code kill} of an unknown id: not found; anything but a repeated kill after a kill: conflict;</li>
 *   <li>an {@code Idempotency-Key} seen before: the first answer to it again (same status, version, action,
 *       partition and offset), whatever happened to the article since, when the request is the same; a
 *       conflict when the same key comes with a different request.</li>
 * </ul>
 * A key whose first answer was a new version is remembered across restarts (the record carries it in its Kafka
 * headers and {@code LedgerRebuilder} reads it back); one whose first answer was a repeat wrote nothing and is
 * remembered until ingest restarts, after which the same request is decided afresh (usually the same repeat).
 * <p>Submissions of one article are serialised (a lock per article id, held across the write) so
 * versions never skip or repeat; different articles never wait for each other's Kafka round trip.
 */
public final class ArticleSubmitter {
    private final ArticleLedger ledger;
    private final ArticleSink writer;
    private final Clock clock;
    private final ArticleLocks locks = new ArticleLocks();

    public ArticleSubmitter(ArticleLedger ledger, ArticleSink writer, Clock clock) {
        this.ledger = ledger;
        this.writer = writer;
        this.clock = clock;
    }

    public SubmissionResult submit(String publisherId, ArticleDraft draft, String idempotencyKey) {
        String articleId = ArticleIds.articleId(publisherId, draft);
        String contentHash = ContentHash.of(draft);
        String fingerprint = contentHash + "/" + (draft.action() == null ? "-" : draft.action().name());
        ArticleLocks.Held held = locks.hold(articleId);
        try {
            if (idempotencyKey != null) {
                Optional<SubmissionResult> earlier = idempotentRepeat(publisherId, idempotencyKey, fingerprint);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            NextStep step = nextStep(publisherId, articleId, contentHash, draft);
            if (step.repeatOf() != null) {
                if (idempotencyKey != null) {
                    // Nothing is written, so this answer lives in memory only (see the class comment).
                    ledger.recordIdempotencyKey(publisherId, idempotencyKey,
                            new ArticleLedger.IdempotentResult(fingerprint, step.repeatOf(), true));
                }
                return repeat(step.repeatOf());
            }
            Map<String, String> headers = new HashMap<>();
            if (idempotencyKey != null) {
                headers.put(SubmissionHeaders.IDEMPOTENCY_KEY, idempotencyKey);
                headers.put(SubmissionHeaders.REQUEST_FINGERPRINT, fingerprint);
            }
            AcceptedVersion accepted = writer.write(step.toWrite(), headers);
            ledger.record(accepted);
            if (idempotencyKey != null) {
                ledger.recordIdempotencyKey(publisherId, idempotencyKey,
                        new ArticleLedger.IdempotentResult(fingerprint, accepted, false));
            }
            return written(accepted);
        } finally {
            held.release();
        }
    }

    /**
     * Submissions sent to Kafka together and acknowledged together, for the lines of one batch request
     * (which carry no idempotency keys). Complete it in a finally block.
     */
    public SubmissionBatch batch(String publisherId) {
        return new SubmissionBatch(this, publisherId);
    }

    /** A repeat of the latest version (nothing to write), or the next version to write. */
    record NextStep(AcceptedVersion repeatOf, ArticleSubmitted toWrite) {
    }

    /** What a draft comes to against the article's latest version; call it holding the article's lock. */
    NextStep nextStep(String publisherId, String articleId, String contentHash, ArticleDraft draft) {
        Optional<AcceptedVersion> previous = ledger.latest(articleId);
        ArticleAction action = decideAction(draft, previous, articleId);
        if (previous.isPresent()) {
            AcceptedVersion latest = previous.get();
            if (latest.contentHash().equals(contentHash)
                    && (draft.action() == null || draft.action() == latest.action())) {
                return new NextStep(latest, null);
            }
        }
        int version = previous.map(p -> p.version() + 1).orElse(1);
        return new NextStep(null, ArticleRecords.submitted(articleId, publisherId, version, action, contentHash,
                clock.instant(), draft));
    }

    ArticleLocks locks() {
        return locks;
    }

    ArticleLedger ledger() {
        return ledger;
    }

    ArticleSink sink() {
        return writer;
    }

    static SubmissionResult written(AcceptedVersion accepted) {
        return new SubmissionResult(accepted.articleId(), accepted.version(), lower(accepted.action()), false, accepted);
    }

    private Optional<SubmissionResult> idempotentRepeat(String publisherId, String key, String fingerprint) {
        Optional<ArticleLedger.IdempotentResult> earlier = ledger.forIdempotencyKey(publisherId, key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!fingerprint.equals(earlier.get().requestFingerprint())) {
            throw new ArticleConflictException("Idempotency-Key",
                    "this Idempotency-Key was already used for a different request");
        }
        AcceptedVersion answered = earlier.get().answered();
        return Optional.of(new SubmissionResult(answered.articleId(), answered.version(), lower(answered.action()),
                earlier.get().repeat(), answered, true));
    }

    private static ArticleAction decideAction(ArticleDraft draft, Optional<AcceptedVersion> previous, String id) {
        ArticleAction requested = draft.action();
        if (previous.isEmpty()) {
            if (requested == ArticleAction.KILL) {
                String field = draft.guid() != null ? "guid" : draft.canonicalUrl() != null ? "url" : "headline";
                throw new ArticleNotFoundException(field, "no story with this " + field + " was accepted from this "
                        + "publisher (article id " + id + "), so it cannot be killed");
            }
            return requested == null ? ArticleAction.PUBLISH : requested;
        }
        ArticleAction before = previous.get().action();
        if (before == ArticleAction.KILL && requested != ArticleAction.KILL) {
            throw new ArticleConflictException("action", "article " + id + " was killed; it cannot be "
                    + (requested == null ? "updated" : lower(requested) + "ed") + " (submit it under a new id)");
        }
        return requested == null ? ArticleAction.UPDATE : requested;
    }

    static SubmissionResult repeat(AcceptedVersion latest) {
        return new SubmissionResult(latest.articleId(), latest.version(), lower(latest.action()), true, latest);
    }

    /** Articles with a submission in progress or waiting (for tests: locks do not outlive their use). */
    int articlesInFlight() {
        return locks.inUse();
    }

    private static String lower(ArticleAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
