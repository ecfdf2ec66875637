package dev.newsflow.enrich;

import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.cleanup.ArticleCleaner;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Removal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One submitted article in, one enriched article out: the clean-up (its report starting with what ingest left out of
 * the page), then the annotator
 * (entities, topics), then the bounds on what they added ({@link EnrichedArticleBounds}). The same code runs inside the topology and offline, so what
 * {@code newsflow enrich-file} prints is what partners get.
 */
public final class ArticleEnricher {
    private final ArticleCleaner cleaner;
    private final ArticleAnnotator annotator;
    private final Clock clock;

    public ArticleEnricher(ArticleAnnotator annotator, double captionSimilarityThreshold, Clock clock) {
        this.cleaner = new ArticleCleaner(captionSimilarityThreshold);
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Which step failed, so a dead letter can say where. */
    public static final class EnrichmentException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String stage;

        EnrichmentException(String stage, RuntimeException cause) {
            super(stage + " failed: " + cause, cause);
            this.stage = stage;
        }

        /** {@code cleanup} or {@code annotation}. */
        public String stage() {
            return stage;
        }
    }

    public static final String STAGE_CLEANUP = "cleanup";
    public static final String STAGE_ANNOTATION = "annotation";

    public EnrichedArticle enrich(ArticleSubmitted article) {
        EnrichedArticle.Builder builder;
        try {
            builder = cleaned(article);
        } catch (RuntimeException e) {
            throw new EnrichmentException(STAGE_CLEANUP, e);
        }
        try {
            annotator.annotate(builder);
            EnrichedArticleBounds.apply(builder);
            return builder.build();
        } catch (RuntimeException e) {
            throw new EnrichmentException(STAGE_ANNOTATION, e);
        }
    }

    private EnrichedArticle.Builder cleaned(ArticleSubmitted article) {
        ArticleCleaner.Result result = cleaner.clean(article);
        // Avro builders hand the lists on as they are: give the annotator lists it may change.
        return EnrichedArticle.newBuilder()
                .setArticleId(article.getArticleId())
                .setPublisherId(article.getPublisherId())
                .setVersion(article.getVersion())
                .setAction(article.getAction())
                .setSourceFormat(article.getSourceFormat())
                .setReceivedAt(article.getReceivedAt())
                .setEnrichedAt(clock.instant())
                .setPublishedAt(article.getPublishedAt())
                .setEmbargoUntil(article.getEmbargoUntil())
                .setGuid(article.getGuid())
                .setCanonicalUrl(article.getCanonicalUrl())
                .setLanguage(article.getLanguage())
                .setSection(emptyToNull(article.getSection()))
                .setCategory(emptyToNull(article.getCategory()))
                .setHeadline(result.headline())
                .setByline(emptyToNull(article.getByline()))
                .setBody(new ArrayList<>(result.body()))
                .setImages(new ArrayList<>(result.images()))
                .setEntities(new ArrayList<>())
                .setTopics(new ArrayList<>())
                .setCleanup(CleanupReport.newBuilder().setRemovals(removals(article, result)).build())
                .setKeywords(new ArrayList<>(article.getKeywords()))
                .setContentHash(article.getContentHash());
    }

    /**
     * Every removal, in the order they were made: what ingest left out when it read the page (site chrome, link
     * lists, text outside the story), then what the clean-up removed. Bounded later, with the rest of the record.
     */
    private static List<Removal> removals(ArticleSubmitted article, ArticleCleaner.Result result) {
        List<Removal> removals = new ArrayList<>(article.getExtractionRemovals().size() + result.removals().size());
        removals.addAll(article.getExtractionRemovals());
        removals.addAll(result.removals());
        return removals;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
