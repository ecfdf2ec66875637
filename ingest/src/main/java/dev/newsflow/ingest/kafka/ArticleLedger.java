package dev.newsflow.ingest.kafka;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What ingest has accepted: the latest version of each article (for versions, idempotent
 * repeats and where {@code GET /v1/articles/{id}} reads it back) and the result of each
 * {@code Idempotency-Key}. Held in memory and rebuilt at start by re-reading
 * {@code articles-submitted} ({@link LedgerRebuilder}): the topic is the record of truth, so
 * nothing here can disagree with what downstream services saw. Only compact
 * {@link AcceptedVersion}s are kept, never article bodies.
 */
public final class ArticleLedger {
    private final ConcurrentMap<String, AcceptedVersion> latestById = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, IdempotentResult> byIdempotencyKey = new ConcurrentHashMap<>();
    /** Every version of a publisher carries an equal id string; one shared copy saves it per article. */
    private final ConcurrentMap<String, String> publisherIds = new ConcurrentHashMap<>();

    /**
     * What an Idempotency-Key was first used for: the request's fingerprint, and the answer it got: the version
     * answered (id, version, action, where Kafka stored it) and whether that answer was a repeat (200, nothing
     * written) or a new version (202). A retry with the key is answered from this alone, never from the article's
     * later state.
     */
    public record IdempotentResult(String requestFingerprint, AcceptedVersion answered, boolean repeat) {
    }

    public Optional<AcceptedVersion> latest(String articleId) {
        return Optional.ofNullable(latestById.get(articleId));
    }

    /** Records an acknowledged version; an older version arriving late never replaces a newer one. */
    public void record(AcceptedVersion accepted) {
        AcceptedVersion compact = accepted.withPublisherId(
                publisherIds.computeIfAbsent(accepted.publisherId(), id -> id));
        latestById.merge(compact.articleId(), compact,
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
