package dev.newsflow.ingest.submit;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleIds;
import dev.newsflow.ingest.article.ArticleRecords;
import dev.newsflow.ingest.article.ContentHash;
import dev.newsflow.ingest.kafka.AcceptedArticle;
import dev.newsflow.ingest.kafka.ArticleLedger;
import dev.newsflow.ingest.kafka.ArticleWriter;
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
 *   <li>an {@code Idempotency-Key} seen before: the earlier result when the request is the same,
 *       a conflict when the same key comes with a different request.</li>
 * </ul>
 * Submissions of one article are serialised (lock striping by id) so versions never skip or
 * repeat; different articles are written in parallel.
 */
public final class ArticleSubmitter {
    private static final int LOCK_STRIPES = 64;

    private final ArticleLedger ledger;
    private final ArticleWriter writer;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public ArticleSubmitter(ArticleLedger ledger, ArticleWriter writer, Clock clock) {
        this.ledger = ledger;
        this.writer = writer;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    public SubmissionResult submit(String publisherId, ArticleDraft draft, String idempotencyKey) {
        String articleId = ArticleIds.articleId(publisherId, draft);
        String contentHash = ContentHash.of(draft);
        String fingerprint = contentHash + "/" + (draft.action() == null ? "-" : draft.action().name());
        synchronized (locks[Math.floorMod(articleId.hashCode(), LOCK_STRIPES)]) {
            if (idempotencyKey != null) {
                Optional<SubmissionResult> earlier = idempotentRepeat(publisherId, idempotencyKey, fingerprint);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            Optional<AcceptedArticle> previous = ledger.latest(articleId);
            ArticleAction action = decideAction(draft.action(), previous, articleId);
            if (previous.isPresent()) {
                ArticleSubmitted latest = previous.get().article();
                if (latest.getContentHash().equals(contentHash)
                        && (draft.action() == null || draft.action() == latest.getAction())) {
                    return repeat(previous.get());
                }
            }
            int version = previous.map(p -> p.version() + 1).orElse(1);
            ArticleSubmitted article = ArticleRecords.submitted(articleId, publisherId, version, action, contentHash,
                    clock.instant(), draft);
            Map<String, String> headers = new HashMap<>();
            if (idempotencyKey != null) {
                headers.put(SubmissionHeaders.IDEMPOTENCY_KEY, idempotencyKey);
                headers.put(SubmissionHeaders.REQUEST_FINGERPRINT, fingerprint);
            }
            AcceptedArticle accepted = writer.write(article, headers);
            ledger.record(accepted);
            if (idempotencyKey != null) {
                ledger.recordIdempotencyKey(publisherId, idempotencyKey,
                        new ArticleLedger.IdempotentResult(fingerprint, articleId, version));
            }
            return new SubmissionResult(articleId, version, lower(action), false, accepted);
        }
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
        AcceptedArticle latest = ledger.latest(earlier.get().articleId()).orElseThrow();
        return Optional.of(new SubmissionResult(earlier.get().articleId(), earlier.get().version(),
                lower(latest.article().getAction()), true, latest));
    }

    private static ArticleAction decideAction(ArticleAction requested, Optional<AcceptedArticle> previous, String id) {
        if (previous.isEmpty()) {
            if (requested == ArticleAction.KILL) {
                throw new ArticleNotFoundException("article " + id + " was never accepted, so it cannot be killed");
            }
            return requested == null ? ArticleAction.PUBLISH : requested;
        }
        ArticleAction before = previous.get().article().getAction();
        if (before == ArticleAction.KILL && requested != ArticleAction.KILL) {
            throw new ArticleConflictException("action", "article " + id + " was killed; it cannot be "
                    + (requested == null ? "updated" : lower(requested) + "ed") + " (submit it under a new id)");
        }
        return requested == null ? ArticleAction.UPDATE : requested;
    }

    private static SubmissionResult repeat(AcceptedArticle latest) {
        return new SubmissionResult(latest.articleId(), latest.version(), lower(latest.article().getAction()), true, latest);
    }

    private static String lower(ArticleAction action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
