package dev.newsflow.enrich.offline;

import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.EnrichedArticle;
import java.time.Clock;

/**
 * The topology's clean-up and annotation without Kafka: an {@link ArticleSubmitted} in, the
 * {@link EnrichedArticle} the topology would write out. Duplicate-submission suppression is not
 * applied (it needs the history of a stream). Thread-safe; create once and reuse.
 */
public final class OfflineEnricher {
    private final ArticleEnricher enricher;

    public OfflineEnricher(ArticleAnnotator annotator, double captionSimilarityThreshold, Clock clock) {
        this.enricher = new ArticleEnricher(annotator, captionSimilarityThreshold, clock);
    }

    /** The standard annotator and the default caption similarity threshold: what the service runs. */
    public static OfflineEnricher standard() {
        return new OfflineEnricher(ArticleAnnotators.standard(), EnrichConfig.DEFAULT_CAPTION_SIMILARITY_THRESHOLD,
                Clock.systemUTC());
    }

    /** The standard annotator with the clean-up settings of a service configuration. */
    public static OfflineEnricher fromConfig(EnrichConfig config) {
        return new OfflineEnricher(ArticleAnnotators.standard(), config.captionSimilarityThreshold(),
                Clock.systemUTC());
    }

    /**
     * Cleans and annotates one article.
     *
     * @throws ArticleEnricher.EnrichmentException naming the stage (cleanup, annotation) that failed
     */
    public EnrichedArticle enrich(ArticleSubmitted article) {
        return enricher.enrich(article);
    }

    /** {@link #enrich} and the result as one line of JSON. */
    public String enrichToJson(ArticleSubmitted article) {
        return EnrichedArticleJson.render(enrich(article));
    }
}
