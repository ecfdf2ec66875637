package dev.newsflow.ingest.bulk;

import java.nio.file.Path;

/**
 * What happened to one file: {@code status} is the HTTP status (0 when nothing was sent),
 * {@code articleId}/{@code version} are set when ingest accepted it (now or before), {@code detail}
 * says why otherwise (the problem's detail, an I/O error, or why it was skipped).
 */
public record FileResult(Path file, Outcome outcome, int status, String articleId, int version, String detail) {

    /** The five ways a file can end. */
    public enum Outcome {
        /** A new version was accepted (202). */
        ACCEPTED,
        /** Identical to what ingest already had (200); nothing new written. */
        UNCHANGED,
        /** Accepted in an earlier run, per the state file; not sent again. */
        SKIPPED,
        /** Refused by ingest (4xx): the file must be fixed. */
        REJECTED,
        /** Could not be delivered (I/O, 5xx after retries): worth running again. */
        FAILED
    }

    public boolean ok() {
        return outcome == Outcome.ACCEPTED || outcome == Outcome.UNCHANGED || outcome == Outcome.SKIPPED;
    }
}
