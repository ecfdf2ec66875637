package dev.newsflow.ingest.parse;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.platform.errors.MalformedInputException;

/**
 * Reads one submitted document of one media type into an {@link ArticleDraft}. Throws only
 * {@link MalformedInputException} (unreadable) or {@link InvalidArticleException} (a field wrong).
 */
public interface ArticleNormaliser {
    ArticleDraft normalise(String document);
}
