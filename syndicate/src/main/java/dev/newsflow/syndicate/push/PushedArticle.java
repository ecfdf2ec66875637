package dev.newsflow.syndicate.push;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
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
 * {@code published} is the version's publication time as given (or when the first version was received), without
 * its embargo, which is kept apart: a later version is published at the later of the two, a kill at once.
 * {@code pushedTo} is every partner that was sent any version, with the feeds it was sent for: a kill goes to
 * each of them, whatever their filters say now. {@code legacyContent} is set only for an entry written by an
 * earlier release, which kept the whole article and not the partners: its kill is routed by the filters, as
 * then, and its next version starts the partner list from the partners whose filters match that content.
 */
record PushedArticle(int version, ArticleAction action, Instant published, Instant embargoUntil,
                     Map<String, List<String>> pushedTo, EnrichedArticle legacyContent) {

    PushedArticle {
        pushedTo = Collections.unmodifiableMap(new TreeMap<>(pushedTo));
    }

    /** An entry of an earlier release's store (the whole article). */
    static PushedArticle legacy(EnrichedArticle article) {
        return new PushedArticle(article.getVersion(), article.getAction(), publishedAsGiven(article),
                article.getEmbargoUntil(), Map.of(), article);
    }

    /** The state after {@code article} (merged with this one's history) was routed to {@code routed}. */
    static PushedArticle after(PushedArticle previous, EnrichedArticle article, Map<String, List<String>> routed) {
        Map<String, List<String>> union = new TreeMap<>(previous == null ? Map.of() : previous.pushedTo());
        routed.forEach((partner, feeds) -> union.merge(partner, feeds, PushedArticle::union));
        return new PushedArticle(article.getVersion(), article.getAction(), publishedAsGiven(article),
                article.getEmbargoUntil(), union, null);
    }

    /** The same entry, having been pushed to these partners as well. */
    PushedArticle alsoPushedTo(Map<String, List<String>> partners) {
        Map<String, List<String>> union = new TreeMap<>(pushedTo);
        partners.forEach((partner, feeds) -> union.merge(partner, feeds, PushedArticle::union));
        return new PushedArticle(version, action, published, embargoUntil, union, legacyContent);
    }

    /** When the version went out: its publication time, or its embargo's end if later. */
    Instant publishedOrReleased() {
        return embargoUntil != null && embargoUntil.isAfter(published) ? embargoUntil : published;
    }

    boolean killed() {
        return action == ArticleAction.KILL;
    }

    private static Instant publishedAsGiven(EnrichedArticle article) {
        return article.getPublishedAt() != null ? article.getPublishedAt() : article.getReceivedAt();
    }

    private static List<String> union(List<String> before, List<String> now) {
        Set<String> feeds = new LinkedHashSet<>(before);
        feeds.addAll(now);
        return new ArrayList<>(feeds);
    }
}
