package dev.newsflow.syndicate.harness;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.ItemTextCache;
import dev.newsflow.syndicate.render.RenderCache;
import dev.newsflow.syndicate.state.FeedItem;
import dev.newsflow.syndicate.state.TimelineKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What re-rendering a changed feed costs (not a test): a feed of N ~500-word items where one new story
 * arrived since the last render, i.e. each render's window moves by one article. "scratch" renders
 * every item's texts anew (the renderer alone, as before the item text cache); "cached" goes through
 * the service's RenderCache with a shared ItemTextCache, so N-1 items' texts are reused.
 *
 * <pre>java -cp ... dev.newsflow.syndicate.harness.ChangedFeedRenderHarness scratch|cached [ITEMS] [ROUNDS]</pre>
 */
public final class ChangedFeedRenderHarness {
    private static final long ROUND_NANOS = 2_000_000_000L;

    private ChangedFeedRenderHarness() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        int itemCount = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        EnrichedArticle[] articles = new EnrichedArticle[20_000];
        for (int i = 0; i < articles.length; i++) {
            articles[i] = HarnessArticles.article(i);
        }
        for (FeedFormat format : FeedFormat.values()) {
            Renderer renderer = renderer(mode, format);
            int[] next = {0};
            runFor(renderer, articles, itemCount, next, 3 * ROUND_NANOS);
            double[] perSecond = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                int renders = runFor(renderer, articles, itemCount, next, ROUND_NANOS);
                perSecond[round] = renders * 1e9 / (System.nanoTime() - start);
            }
            Arrays.sort(perSecond);
            System.out.printf("%s %s items=%d renders/s median=%.1f min=%.1f max=%.1f%n", mode, format, itemCount,
                    perSecond[rounds / 2], perSecond[0], perSecond[rounds - 1]);
        }
    }

    private interface Renderer {
        byte[] render(FeedDocument document);
    }

    private static Renderer renderer(String mode, FeedFormat format) {
        // cached-mode-start
        if (mode.equals("cached")) {
            RenderCache cache = new RenderCache(32L << 20, new ItemTextCache(16L << 20));
            return document -> cache.render(format, document).body();
        }
        // cached-mode-end
        return document -> format.renderer().render(document);
    }

    private static int runFor(Renderer renderer, EnrichedArticle[] articles, int itemCount, int[] next, long nanos) {
        long end = System.nanoTime() + nanos;
        int renders = 0;
        long bytes = 0;
        while (System.nanoTime() < end) {
            int newest = itemCount + next[0]++ % (articles.length - itemCount);
            bytes += renderer.render(document(articles, newest, itemCount)).length;
            renders++;
        }
        return bytes > 0 ? renders : 0;
    }

    /** The feed after article {@code newest} arrived: it and the itemCount - 1 before it, newest first. */
    private static FeedDocument document(EnrichedArticle[] articles, int newest, int itemCount) {
        List<FeedItem> items = new ArrayList<>(itemCount);
        for (int i = newest; i > newest - itemCount; i--) {
            items.add(new FeedItem(articles[i], TimelineKey.of(articles[i].getReceivedAt(), articles[i].getArticleId())));
        }
        String self = "https://feeds.example.com/feeds/bench/all.rss";
        return new FeedDocument("bench", "all", "Everything", self, "https://feeds.example.com/",
                Optional.of(self + "?before=x"), Optional.empty(), Instant.parse("2026-11-29T05:00:00Z"), items);
    }
}
