package dev.newsflow.ingest.article;

import dev.newsflow.ingest.parse.InvalidArticleException;
import dev.newsflow.platform.article.ArticleRules;

/**
 * Every draft, whatever shape it came in, must meet {@link ArticleRules} before it gets an id: the same rules enrich
 * applies to every record it reads, so what ingest accepts enrich can process.
 */
public final class ArticleValidator {
    private ArticleValidator() {
    }

    public static void validate(ArticleDraft draft) {
        ArticleRules.checkContent(new ArticleRules.Content(draft.action(), draft.guid(), draft.canonicalUrl(),
                        draft.language(), draft.section(), draft.category(), draft.headline(), draft.byline(),
                        draft.body(), draft.images().stream()
                                .map(image -> new ArticleRules.Image(image.caption(), image.credit(), image.url()))
                                .toList(), draft.keywords()))
                .ifPresent(violation -> {
                    throw new InvalidArticleException(violation.field(), violation.detail());
                });
    }
}
