package dev.newsflow.enrich.topology;

import dev.newsflow.platform.article.ArticleRules;

/** A record on {@code articles-submitted} that breaks one of {@link ArticleRules}; its message names the field. */
final class InvalidSubmissionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidSubmissionException(ArticleRules.Violation violation) {
        super("field " + violation.field() + ": " + violation.detail());
    }
}
