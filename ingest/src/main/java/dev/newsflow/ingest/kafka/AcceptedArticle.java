package dev.newsflow.ingest.kafka;

import dev.newsflow.schema.ArticleSubmitted;

/** One version of an article that Kafka acknowledged, with where it was written. */
public record AcceptedArticle(ArticleSubmitted article, int partition, long offset) {
    public String articleId() {
        return article.getArticleId();
    }

    public int version() {
        return article.getVersion();
    }
}
