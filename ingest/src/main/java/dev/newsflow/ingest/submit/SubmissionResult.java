package dev.newsflow.ingest.submit;

import dev.newsflow.ingest.kafka.AcceptedVersion;

/**
 * What became of a submission: a new version Kafka acknowledged ({@code repeat == false}, HTTP
 * 202), or a repeat of what was already accepted (HTTP 200, nothing written). {@code replayed} is true when the
 * answer is the stored first answer to the request's {@code Idempotency-Key}: the same status and body again.
 */
public record SubmissionResult(String articleId, int version, String action, boolean repeat, AcceptedVersion accepted,
                               boolean replayed) {

    public SubmissionResult(String articleId, int version, String action, boolean repeat, AcceptedVersion accepted) {
        this(articleId, version, action, repeat, accepted, false);
    }
}
