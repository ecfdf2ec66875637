package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import java.time.Instant;

/**
 * The dates a feed shows for an article. An embargoed story must not claim a date before its
 * embargo, so both dates are at least the embargo time; the timeline orders by the later of the
 * last change and the embargo, so a story lifted from embargo appears at the top of the feed.
 */
public final class ArticleTimes {
    private ArticleTimes() {
    }

    /** First publication, never before the embargo. */
    public static Instant published(EnrichedArticle article) {
        Instant published = article.getPublishedAt() != null ? article.getPublishedAt() : article.getReceivedAt();
        return later(published, article.getEmbargoUntil());
    }

    /** Last change (update, correction, kill), never before publication. */
    public static Instant updated(EnrichedArticle article) {
        return later(later(article.getReceivedAt(), article.getEmbargoUntil()), published(article));
    }

    /** Whether the embargo (if any) has passed at {@code now}. */
    public static boolean released(EnrichedArticle article, Instant now) {
        return article.getEmbargoUntil() == null || !article.getEmbargoUntil().isAfter(now);
    }

    private static Instant later(Instant a, Instant b) {
        if (b == null) {
            return a;
        }
        return a == null || b.isAfter(a) ? b : a;
    }
}
