package dev.newsflow.syndicate.push;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.state.ArticleTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the push router keeps of an article between versions: enough to drop stale versions, name the next
 * event, keep the first publication time and address a kill, but not the story itself (the feed state keeps
 * that; a second full copy here doubled what the broker writes per article for the changelog).
 * {@code pushedTo} is every partner that was sent any version, with the feeds it was sent for: a kill goes to
 * each of them, whatever their filters say now. {@code legacyContent} is set only for an entry written by an
 * earlier release, which kept the whole article and not the partners: its kill is routed by the filters, as
 * then.
 */
record PushedArticle(int version, ArticleAction action, Instant published, Map<String, List<String>> pushedTo,
                     EnrichedArticle legacyContent) {

    PushedArticle {
        pushedTo = Collections.unmodifiableMap(new TreeMap<>(pushedTo));
    }

    /** An entry of an earlier release's store (the whole article). */
    static PushedArticle legacy(EnrichedArticle article) {
        return new PushedArticle(article.getVersion(), article.getAction(), ArticleTimes.published(article), Map.of(),
                article);
    }

    /** The state after {@code article} (merged with this one's history) was routed to {@code routed}. */
    static PushedArticle after(PushedArticle previous, EnrichedArticle article, Map<String, List<String>> routed) {
        Map<String, List<String>> union = new TreeMap<>(previous == null ? Map.of() : previous.pushedTo());
        routed.forEach((partner, feeds) -> union.merge(partner, feeds, PushedArticle::union));
        return new PushedArticle(article.getVersion(), article.getAction(), ArticleTimes.published(article), union,
                null);
    }

    boolean killed() {
        return action == ArticleAction.KILL;
    }

    private static List<String> union(List<String> before, List<String> now) {
        Set<String> feeds = new LinkedHashSet<>(before);
        feeds.addAll(now);
        return new ArrayList<>(feeds);
    }
}
