package dev.newsflow.ingest.http;

import dev.newsflow.ingest.kafka.ArticleTooLargeException;
import dev.newsflow.ingest.kafka.ArticleUnreadableException;
import dev.newsflow.ingest.kafka.KafkaUnavailableException;
import dev.newsflow.ingest.parse.InvalidArticleException;
import dev.newsflow.ingest.parse.UnsupportedMediaTypeException;
import dev.newsflow.ingest.submit.ArticleConflictException;
import dev.newsflow.ingest.submit.ArticleNotFoundException;
import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.platform.http.Problem;
import dev.newsflow.platform.http.ProblemMapping;

/**
 * Ingest's one exception mapping: the platform's, with the reasons and titles publishers see (the reasons are also
 * the {@code reason} tag of the rejection metrics and are listed in openapi.json).
 */
final class IngestProblems {
    private IngestProblems() {
    }

    static ProblemMapping mapping(int retryAfterSeconds) {
        String retryAfter = Integer.toString(retryAfterSeconds);
        return ProblemMapping.standard("ingest", retryAfterSeconds)
                .map(InvalidArticleException.class, e -> Problem.of(422, "invalid-article", "The article is invalid",
                        e.getMessage(), e.field()))
                .map(MalformedInputException.class, e -> Problem.of(400, "malformed-request",
                        "The request body cannot be read", e.getMessage(), e.field()))
                .map(UnsupportedMediaTypeException.class, e -> Problem.of(415, "unsupported-media-type",
                        "Unsupported media type", e.getMessage(), "Content-Type"))
                .map(PayloadTooLargeException.class, e -> Problem.of(413, "payload-too-large",
                        "Request body too large", e.getMessage(), "body"))
                .map(ArticleTooLargeException.class, e -> Problem.of(413, "payload-too-large",
                        "The article is too large", e.getMessage(), "body"))
                .map(ArticleNotFoundException.class, e -> Problem.of(404, "not-found", "No such article",
                        e.getMessage(), e.field()))
                .map(ArticleConflictException.class, e -> Problem.of(409, "conflict",
                        "The submission conflicts with the accepted article", e.getMessage(), e.field()))
                .map(KafkaUnavailableException.class, e -> Problem.of(503, "kafka-unavailable",
                                "Kafka cannot take the write now",
                                "nothing was accepted; retry later (" + e.getMessage() + ")", null)
                        .withHeader("Retry-After", retryAfter))
                .map(ArticleUnreadableException.class, e -> Problem.of(503, "kafka-unavailable",
                                "Kafka cannot return the article now", e.getMessage() + "; retry later", null)
                        .withHeader("Retry-After", retryAfter))
                .build();
    }
}
