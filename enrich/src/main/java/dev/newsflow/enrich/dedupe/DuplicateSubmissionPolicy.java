package dev.newsflow.enrich.dedupe;

/**
 * Decides whether a submission passes, given what was last accepted for its article id:
 * a version older than the newest accepted one arrived late and is dropped; the same content
 * and action again (an identical re-submission, whatever version it claims) is dropped; anything
 * else (a new version, a changed body, a kill) passes.
 */
public final class DuplicateSubmissionPolicy {
    private DuplicateSubmissionPolicy() {
    }

    public enum Verdict {
        /** Never seen, or changed: enrich it. */
        PASS,
        /** Same content hash and action as the last accepted version. */
        DUPLICATE,
        /** A version below the highest accepted one. */
        STALE
    }

    public static Verdict judge(SeenVersion last, int version, String contentHash, String action) {
        if (last == null) {
            return Verdict.PASS;
        }
        if (version < last.version()) {
            return Verdict.STALE;
        }
        if (last.contentHash().equals(contentHash) && last.action().equals(action)) {
            return Verdict.DUPLICATE;
        }
        return Verdict.PASS;
    }

    /** What to remember after a submission passed; a duplicate with a higher version raises the bar too. */
    public static SeenVersion remember(SeenVersion last, int version, String contentHash, String action, long seenAt) {
        int highest = last == null ? version : Math.max(last.version(), version);
        return new SeenVersion(highest, contentHash, action, seenAt);
    }
}
