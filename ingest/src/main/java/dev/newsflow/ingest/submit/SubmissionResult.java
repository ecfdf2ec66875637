package dev.newsflow.ingest.submit;

import dev.newsflow.ingest.kafka.AcceptedVersion;

/**
 * What became of a submission: a new version Kafka acknowledged ({@code repeat == false}, HTTP
 * 202), or a repeat of what was already accepted (HTTP 200, nothing written).
 */
public record SubmissionResult(String articleId, int version, String action, boolean repeat, AcceptedVersion accepted) {
}
