package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.EnrichedArticle;

/**
 * Adds entities and IPTC topics to an article that the clean-up has finished with.
 * Runs in-process inside the topology: no network calls, nothing loaded at run time
 * beyond resources on the classpath.
 */
public interface ArticleAnnotator {

    /** Sets {@code entities} and {@code topics} on the builder from its headline, body and captions. */
    void annotate(EnrichedArticle.Builder article);
}
