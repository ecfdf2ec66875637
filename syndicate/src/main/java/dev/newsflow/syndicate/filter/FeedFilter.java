package dev.newsflow.syndicate.filter;

import dev.newsflow.schema.EnrichedArticle;

/** Decides whether an article belongs in a feed. */
@FunctionalInterface
public interface FeedFilter {
    FeedFilter ALL = article -> true;

    boolean matches(EnrichedArticle article);
}
