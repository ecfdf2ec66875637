package dev.newsflow.ingest.kafka;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What ingest has accepted: the latest version of each article (for versions, idempotent
 * repeats and {@code GET /v1/articles/{id}}) and the result of each {@code Idempotency-Key}.
 * Held in memory and rebuilt at start by re-reading {@code articles-submitted}
 * ({@link LedgerRebuilder}): the topic is the record of truth, so nothing here can disagree with
 * what downstream services saw.
 */
public final class ArticleLedger {
    private final ConcurrentMap<String, AcceptedArticle> latestById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, IdempotentResult> byIdempotencyKey = new ConcurrentHashMap<>();

    /** What an Idempotency-Key was first used for: the request's fingerprint and the article it produced. */
    public record IdempotentResult(String requestFingerprint, String articleId, int version) {
    }

    public Optional<AcceptedArticle> latest(String articleId) {
        return Optional.ofNullable(latestById.get(articleId));
    }

    /** Records an acknowledged version; an older version arriving late never replaces a newer one. */
    public void record(AcceptedArticle accepted) {
        latestById.merge(accepted.articleId(), accepted,
                (old, candidate) -> candidate.version() >= old.version() ? candidate : old);
    }

    public Optional<IdempotentResult> forIdempotencyKey(String publisherId, String key) {
        return Optional.ofNullable(byIdempotencyKey.get(idempotencyKey(publisherId, key)));
    }

    public void recordIdempotencyKey(String publisherId, String key, IdempotentResult result) {
        byIdempotencyKey.putIfAbsent(idempotencyKey(publisherId, key), result);
    }

    public int size() {
        return latestById.size();
    }

    private static String idempotencyKey(String publisherId, String key) {
        return publisherId + "\n" + key;
    }
}
