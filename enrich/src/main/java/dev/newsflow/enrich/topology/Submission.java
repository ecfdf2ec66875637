package dev.newsflow.enrich.topology;

import dev.newsflow.schema.ArticleSubmitted;

/**
 * A decoded submission travelling between the topology's processors, with the bytes it arrived
 * as, so that a later stage that fails can still dead-letter the record exactly as it was.
 */
record Submission(byte[] rawKey, byte[] rawValue, ArticleSubmitted article) {
}
