package dev.newsflow.syndicate.state;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;

/** One entry of a feed page: the article's latest stored version and its timeline position. */
public record FeedItem(EnrichedArticle article, String timelineKey) {
    public boolean killed() {
        return article.getAction() == ArticleAction.KILL;
    }
}
