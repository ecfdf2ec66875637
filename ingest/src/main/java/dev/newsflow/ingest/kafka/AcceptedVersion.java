package dev.newsflow.ingest.kafka;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;

/**
 * One version of an article that Kafka acknowledged: what the submit decisions and the answers
 * need (id, owner, version, action, content hash) and where it was written. The article itself
 * stays in Kafka and is read back from (partition, offset) by {@link ArticleReader} when a
 * client asks for it, so the ledger costs a few hundred bytes per article whatever its length.
 */
public record AcceptedVersion(String articleId, String publisherId, int version, ArticleAction action,
                              String contentHash, int partition, long offset) {

    public static AcceptedVersion of(ArticleSubmitted article, int partition, long offset) {
        return new AcceptedVersion(article.getArticleId(), article.getPublisherId(), article.getVersion(),
                article.getAction(), article.getContentHash(), partition, offset);
    }

    /** The same version with its publisher id replaced by an equal, shared instance. */
    AcceptedVersion withPublisherId(String sharedPublisherId) {
        return new AcceptedVersion(articleId, sharedPublisherId, version, action, contentHash, partition, offset);
    }
}
