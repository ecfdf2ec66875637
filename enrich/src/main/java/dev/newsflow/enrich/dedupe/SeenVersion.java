package dev.newsflow.enrich.dedupe;

import java.util.Objects;

/**
 * What the duplicate-submission store remembers of an article: the highest version accepted,
 * the content hash and action of the last accepted version, and when (record time) it was seen.
 */
public record SeenVersion(int version, String contentHash, String action, long seenAt) {
    public SeenVersion {
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(action, "action");
    }
}
