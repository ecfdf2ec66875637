package dev.newsflow.bench.jmh;

import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.filter.FeedFilter;
import dev.newsflow.syndicate.filter.FilterParser;
import dev.newsflow.syndicate.partner.PartnerTokens;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.ItemTextCache;
import dev.newsflow.syndicate.render.RenderCache;
import dev.newsflow.syndicate.state.FeedPage;
import dev.newsflow.syndicate.state.FeedQuery;
import dev.newsflow.syndicate.state.FeedStateTopology;
import dev.newsflow.syndicate.state.FeedStateView;
import dev.newsflow.syndicate.state.StateVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A partner's newest 100-item page read from the feed state after one new article arrived, as the
 * syndicator's HTTP thread does for the first poll after each new story: the feed-state topology's real
 * RocksDB stores (in a TopologyTestDriver), {@link FeedQuery} with the service's page cache (stale after every
 * new article, since the state version moved), then, in {@code readAndRenderAfterOneNewItem}, the page rendered
 * through the service's {@link RenderCache} and {@link ItemTextCache} (the 99 other items' texts cached).
 * The new article is written before each call, outside the measurement (it costs the stream thread, not the
 * poll). {@code partnerLookup}: the partner read every feed request starts with. Score: pages (lookups)/s on one
 * core; {@code cpuNanos} ÷ score = CPU time per page (lookup).
 */
public class FeedPageReadBenchmark extends OneCoreThroughput {
    public static final int PAGE_ITEMS = 100;
    /** Articles in the state before the first call: the page is the newest 100 of them. */
    private static final int HISTORY = 300;
    private static final String PARTNER = "bench";
    private static final Instant START = Instant.parse("2026-01-06T12:00:00Z");

    /** The feed state with its history, the service's caches over it, and the partner. */
    @State(Scope.Thread)
    public static class FeedState {
        @Param({"JSON"})
        public FeedFormat format;

        @Param({"MEDIUM"})
        public ArticleLength length;

        private Path stateDir;
        private TopologyTestDriver driver;
        private TestInputTopic<String, EnrichedArticle> input;
        private EnrichedArticle[] corpus;
        private FeedQuery query;
        private ReadOnlyKeyValueStore<String, PartnerSubscription> partners;
        private FeedFilter everything;
        private RenderCache cache;
        private String self;
        private long arrived;
        private String newest;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            stateDir = Files.createTempDirectory("feed-page-read-bench");
            SyndicateConfig config = config(stateDir);
            TopicCatalogue topics = TopicCatalogue.create(config.serdeConfig());
            StateVersion version = new StateVersion();
            driver = driver(config, topics, version);
            input = driver.createInputTopic(topics.articlesEnriched().name(),
                    topics.articlesEnriched().keySerde().serializer(),
                    topics.articlesEnriched().valueSerde().serializer());
            corpus = SerdeCorpus.enriched(length);
            for (int i = 0; i < HISTORY; i++) {
                arrive();
            }
            query = new FeedQuery(FeedStateView.ofSingleTask(driver::getKeyValueStore), Clock.systemUTC(), version,
                    FeedQuery.DEFAULT_CACHED_ITEMS);
            everything = FilterParser.parse(null, 0.0, "filter");
            cache = new RenderCache(32L << 20, new ItemTextCache(16L << 20));
            self = "https://feeds.bench.example/feeds/bench/all." + format.extension();
            // the first poll reads and renders the whole page; every later one follows one new article
            render(newestPage());
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            close(driver, stateDir);
        }

        /** Before each call: one new story (a fresh id, newest in the timeline), so the cached page is stale. */
        @Setup(Level.Invocation)
        public void arrive() {
            long n = arrived++;
            EnrichedArticle article = EnrichedArticle.newBuilder(corpus[(int) (n % corpus.length)])
                    .setArticleId("urn:newsflow:article:bench-" + n)
                    .setVersion(1)
                    .setReceivedAt(START.plusMillis(n))
                    .setPublishedAt(START.plusMillis(n))
                    .setEmbargoUntil(null)
                    .build();
            input.pipeInput(article.getArticleId(), article);
            newest = article.getArticleId();
        }

        /** The newest page, checked to start with the story that arrived last (or the benchmark measures a hit). */
        FeedPage newestPage() {
            FeedPage page = query.page(everything, null, PAGE_ITEMS, format.carriesDeletions());
            if (page.items().size() != PAGE_ITEMS || !page.items().get(0).article().getArticleId().equals(newest)) {
                throw new IllegalStateException("expected a full page starting with " + newest);
            }
            return page;
        }

        byte[] render(FeedPage page) {
            FeedDocument document = new FeedDocument("bench", "all", "Everything", self,
                    "https://feeds.bench.example/", page.nextCursor(), Optional.empty(), page.newestUpdate(),
                    page.items());
            return cache.render(format, document).body();
        }
    }

    /** A feed state holding one partner (and no articles). */
    @State(Scope.Thread)
    public static class PartnerState {
        private Path stateDir;
        private TopologyTestDriver driver;
        private ReadOnlyKeyValueStore<String, PartnerSubscription> partners;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            stateDir = Files.createTempDirectory("partner-lookup-bench");
            SyndicateConfig config = config(stateDir);
            TopicCatalogue topics = TopicCatalogue.create(config.serdeConfig());
            driver = driver(config, topics, new StateVersion());
            driver.createInputTopic(topics.partnerSubscriptions().name(),
                            topics.partnerSubscriptions().keySerde().serializer(),
                            topics.partnerSubscriptions().valueSerde().serializer())
                    .pipeInput(PARTNER, PartnerSubscription.newBuilder().setPartnerId(PARTNER)
                            .setDisplayName("Bench partner").setTokenHash(PartnerTokens.hash("bench-token"))
                            .setFeeds(List.of(FeedSubscription.newBuilder().setFeedId("all").setTitle("Everything")
                                    .setFilter(null).setMinConfidence(0.0).setMaxItems(PAGE_ITEMS).build()))
                            .setUpdatedAt(START).build());
            partners = FeedStateView.ofSingleTask(driver::getKeyValueStore).partners();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            close(driver, stateDir);
        }
    }

    @Benchmark
    public FeedPage readAfterOneNewItem(FeedState state, CpuCounter cpu) {
        long started = CpuCounter.start();
        FeedPage page = state.newestPage();
        cpu.stop(started);
        return page;
    }

    @Benchmark
    public byte[] readAndRenderAfterOneNewItem(FeedState state, CpuCounter cpu) {
        long started = CpuCounter.start();
        byte[] body = state.render(state.newestPage());
        cpu.stop(started);
        return body;
    }

    /**
     * What every feed request does first, 304s included: read its partner's record from the global store (a
     * RocksDB read and, unless kept decoded, an Avro decode). No article arrives between calls.
     */
    @Benchmark
    public PartnerSubscription partnerLookup(PartnerState state, CpuCounter cpu) {
        long started = CpuCounter.start();
        PartnerSubscription partner = state.partners.get(PARTNER);
        cpu.stop(started);
        return partner;
    }

    /** The service's defaults (caches included), an in-memory registry, stores under {@code stateDir}. */
    private static SyndicateConfig config(Path stateDir) {
        return new SyndicateConfig(Map.of(
                "schema.registry.url", "mock://feed-page-read-" + UUID.randomUUID(),
                "auto.register.schemas", "true",
                "state.dir", stateDir.toString()));
    }

    private static TopologyTestDriver driver(SyndicateConfig config, TopicCatalogue topics, StateVersion version) {
        Properties properties = new Properties();
        properties.putAll(config.streamsConfig());
        properties.put("bootstrap.servers", "unused:9092");
        return new TopologyTestDriver(new FeedStateTopology(topics, version).buildTopology(config), properties);
    }

    private static void close(TopologyTestDriver driver, Path stateDir) throws IOException {
        driver.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
