package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.FeedRenderer;
import dev.newsflow.syndicate.render.ItemTextCache;
import dev.newsflow.syndicate.render.RenderCache;
import dev.newsflow.syndicate.state.FeedItem;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering one 50-item feed page with the syndicator's own renderers (RSS 2.0 + Media RSS,
 * Atom 1.0, JSON Feed 1.1) from enriched ~500-word articles: what the syndicator does for every
 * 200 response that is not cached. Score: feeds/s on one core; {@code bytes} ÷ score = bytes per feed.
 * {@code renderAfterOneNewItem}: a 100-item page through the service's caches after one new story arrived
 * (the 99 others rendered before), what a partner's poll costs after each new article.
 */
@State(Scope.Benchmark)
public class FeedRenderingBenchmark extends OneCoreThroughput {
    public static final int ITEMS = 50;

    @Param({"RSS", "ATOM", "JSON"})
    public FeedFormat format;

    @Param({"MEDIUM"})
    public ArticleLength length;

    private FeedRenderer renderer;
    private FeedDocument[] documents;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        renderer = format.renderer();
        EnrichedArticle[] articles = SerdeCorpus.enriched(length);
        // A few different pages, so no single document stays hot in the caches.
        documents = new FeedDocument[4];
        for (int page = 0; page < documents.length; page++) {
            List<FeedItem> items = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                int index = (page * ITEMS + i) % articles.length;
                items.add(new FeedItem(articles[index], String.format("%019d-%s", 1_767_700_000_000L - index,
                        articles[index].getArticleId())));
            }
            String base = "https://feeds.bench.example/feeds/bench/all." + format.extension();
            documents[page] = new FeedDocument("bench", "all", "Everything", base, "https://news.bench.example/",
                    Optional.of(base + "?before=page" + (page + 1)), Optional.empty(),
                    Instant.parse("2026-01-06T12:00:00Z"), items);
        }
    }

    /** Bytes rendered; bytes/s ÷ feeds/s = bytes per feed. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class ByteCounter {
        public long bytes;
    }

    /**
     * A partner's newest 100-item page kept current: each call one new story arrives (a fresh article id, so
     * nothing of it is cached) and the page is rendered through a {@link RenderCache} and {@link ItemTextCache}
     * with the service's default budgets, as the syndicator does for the first poll after each new article.
     */
    @State(Scope.Thread)
    public static class LivePage {
        public static final int PAGE_ITEMS = 100;

        private final ArrayDeque<FeedItem> page = new ArrayDeque<>();
        private EnrichedArticle[] articles;
        private RenderCache cache;
        private String self;
        private long arrived;

        @Setup(Level.Trial)
        public void setUp(FeedRenderingBenchmark benchmark) {
            articles = SerdeCorpus.enriched(benchmark.length);
            cache = new RenderCache(32L << 20, new ItemTextCache(16L << 20));
            self = "https://feeds.bench.example/feeds/bench/live." + benchmark.format.extension();
            for (int i = 0; i < PAGE_ITEMS; i++) {
                arrive();
            }
        }

        FeedDocument arrive() {
            long n = arrived++;
            EnrichedArticle article = EnrichedArticle.newBuilder(articles[(int) (n % articles.length)])
                    .setArticleId("live-" + n).build();
            page.addFirst(new FeedItem(article, String.format("%019d-%s", 1_767_700_000_000L + n, article.getArticleId())));
            if (page.size() > PAGE_ITEMS) {
                page.removeLast();
            }
            return new FeedDocument("bench", "live", "Live", self, "https://news.bench.example/", Optional.empty(),
                    Optional.empty(), Instant.parse("2026-01-06T12:00:00Z").plusMillis(n), List.copyOf(page));
        }
    }

    @Benchmark
    public byte[] renderAfterOneNewItem(LivePage live, ByteCounter counter) {
        byte[] rendered = live.cache.render(format, live.arrive()).body();
        counter.bytes += rendered.length;
        return rendered;
    }

    @Benchmark
    public byte[] render(ByteCounter counter) {
        byte[] rendered = renderer.render(documents[next++ & (documents.length - 1)]);
        counter.bytes += rendered.length;
        return rendered;
    }
}
