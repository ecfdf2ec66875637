package dev.newsflow.bench.corpus;

import dev.newsflow.platform.digest.Sha256;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.SubmittedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link ArticleSubmitted} record ingest would write for a corpus article, for
 * benchmarks that start after ingest (clean-up + enrichment, the Avro serde). It keeps what the
 * clean-up has to deal with: every photo block twice, and the chrome lines a scraper left at
 * the end of the body.
 */
public final class SubmittedRecords {
    private SubmittedRecords() {
    }

    public static ArticleSubmitted of(CorpusArticle article, String publisherId) {
        List<SubmittedImage> images = new ArrayList<>();
        for (CorpusImage image : article.images()) {
            for (int copy = 0; copy < 2; copy++) {
                images.add(SubmittedImage.newBuilder().setCaption(image.caption()).setCredit(image.credit())
                        .setUrl(image.url()).build());
            }
        }
        List<String> body = new ArrayList<>(article.body());
        body.addAll(ArticleRenderer.chromeLines());
        return ArticleSubmitted.newBuilder()
                .setArticleId(publisherId + "-g-" + Sha256.hex(publisherId + "\n" + article.guid()).substring(0, 24))
                .setPublisherId(publisherId)
                .setVersion(article.action() == null ? 1 : 2)
                .setAction(article.action() == null ? ArticleAction.PUBLISH : ArticleAction.UPDATE)
                .setSourceFormat(SourceFormat.valueOf(article.shape().name()))
                .setReceivedAt(Instant.ofEpochMilli(article.publishedAt().toEpochMilli() + 1_000))
                .setPublishedAt(article.publishedAt())
                .setGuid(article.guid())
                .setCanonicalUrl(article.canonicalUrl())
                .setLanguage("en")
                .setSection(article.section())
                .setCategory(article.category())
                .setHeadline(article.headline())
                .setByline(article.byline())
                .setBody(body)
                .setImages(images)
                .setKeywords(article.keywords())
                .setContentHash(Sha256.hex(article.payload()))
                .build();
    }
}
