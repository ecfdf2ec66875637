package dev.newsflow.ingest.article;

import dev.newsflow.platform.article.CleanupReportBound;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.Removal;
import dev.newsflow.schema.SubmittedImage;
import java.time.Instant;

/** Turns a normalised draft into the record ingest writes, the same for the API and offline tools. */
public final class ArticleRecords {
    private ArticleRecords() {
    }

    public static ArticleSubmitted submitted(String articleId, String publisherId, int version, ArticleAction action,
                                             String contentHash, Instant receivedAt, ArticleDraft draft) {
        return ArticleSubmitted.newBuilder()
                .setArticleId(articleId)
                .setPublisherId(publisherId)
                .setVersion(version)
                .setAction(action)
                .setSourceFormat(draft.sourceFormat())
                .setReceivedAt(receivedAt)
                .setPublishedAt(draft.publishedAt())
                .setEmbargoUntil(draft.embargoUntil())
                .setGuid(draft.guid())
                .setCanonicalUrl(draft.canonicalUrl())
                .setLanguage(draft.language())
                .setSection(draft.section())
                .setCategory(draft.category())
                // A kill sent by id alone has no headline; the record's headline is then empty (the schema
                // requires a string, and consumers keep the killed story's last content anyway).
                .setHeadline(draft.headline() == null ? "" : draft.headline())
                .setByline(draft.byline())
                .setBody(draft.body())
                .setImages(draft.images().stream().map(ArticleRecords::image).toList())
                .setKeywords(draft.keywords())
                .setContentHash(contentHash)
                .setExtractionRemovals(CleanupReportBound.bound(draft.removals().stream()
                        .map(ArticleRecords::removal).toList()))
                .build();
    }

    /** A first version, as if a publisher had just posted the draft. */
    public static ArticleSubmitted firstVersion(String publisherId, ArticleDraft draft, Instant receivedAt) {
        return submitted(ArticleIds.articleId(publisherId, draft), publisherId, 1, ArticleAction.PUBLISH,
                ContentHash.of(draft), receivedAt, draft);
    }

    private static Removal removal(DraftRemoval removal) {
        return Removal.newBuilder().setKind(removal.kind()).setText(removal.text()).setReason(removal.reason()).build();
    }

    private static SubmittedImage image(DraftImage image) {
        return SubmittedImage.newBuilder().setCaption(image.caption()).setCredit(image.credit()).setUrl(image.url())
                .build();
    }
}
