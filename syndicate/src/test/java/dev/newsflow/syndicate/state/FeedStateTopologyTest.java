package dev.newsflow.syndicate.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.SyndicateConfig;
import dev.newsflow.syndicate.filter.FeedFilter;
import dev.newsflow.syndicate.partner.PartnerTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedStateTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    java.nio.file.Path stateDir;

    private FeedStateDriver fixture;
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> articles;
    private TestInputTopic<String, PartnerSubscription> partners;
    private Topology topology;
    private FeedStateTopology feedState;
    private FeedQuery query;
    private final StateVersion version = new StateVersion();

    @BeforeEach
    void start() {
        fixture = FeedStateDriver.start(stateDir, version, Map.of());
        feedState = fixture.feedState();
        topology = fixture.topology();
        driver = fixture.driver();
        articles = fixture.articles();
        partners = fixture.partners();
        query = new FeedQuery(fixture.view(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void operatorAndStoreNamesArePinned() {
        String description = topology.describe().toString();
        assertThat(description).contains(FeedStateTopology.ARTICLES_SOURCE, FeedStateTopology.FEED_STATE_PROCESSOR,
                FeedStateTopology.ARTICLES_STORE, FeedStateTopology.TIMELINE_STORE, FeedStateTopology.PARTNERS_SOURCE,
                FeedStateTopology.PARTNERS_STORE);
        assertThat(FeedStateTopology.ARTICLES_STORE).isEqualTo("syndicate-articles");
        assertThat(FeedStateTopology.TIMELINE_STORE).isEqualTo("syndicate-timeline");
        assertThat(FeedStateTopology.PARTNERS_STORE).isEqualTo("syndicate-partners");
        assertThat(description).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    }

    @Test
    void newestArticlesComeFirst() {
        pipe(Articles.story("a", "First").setReceivedAt(Articles.T0).build());
        pipe(Articles.story("b", "Second").setReceivedAt(Articles.T0.plusSeconds(60)).build());
        assertThat(headlines(query.page(FeedFilter.ALL, null, 10, false))).containsExactly("Second", "First");
    }

    @Test
    void anUpdateReplacesTheItemInPlaceAndKeepsItsPublicationDate() {
        pipe(Articles.story("a", "Treaty talks begin").build());
        pipe(Articles.story("b", "Other story").setReceivedAt(Articles.T0.plusSeconds(30)).build());
        pipe(Articles.story("a", "Treaty signed").setVersion(2).setAction(ArticleAction.UPDATE)
                .setReceivedAt(Articles.T0.plusSeconds(120)).build());

        FeedPage page = query.page(FeedFilter.ALL, null, 10, false);
        assertThat(headlines(page)).containsExactly("Treaty signed", "Other story");
        EnrichedArticle updated = page.items().get(0).article();
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(ArticleTimes.published(updated)).isEqualTo(Articles.T0);
        assertThat(ArticleTimes.updated(updated)).isEqualTo(Articles.T0.plusSeconds(120));
    }

    @Test
    void anOlderOrRepeatedVersionIsIgnored() {
        pipe(Articles.story("a", "Version two").setVersion(2).build());
        pipe(Articles.story("a", "Version one, late").setVersion(1).build());
        pipe(Articles.story("a", "Version two again").setVersion(2).build());
        assertThat(headlines(query.page(FeedFilter.ALL, null, 10, false))).containsExactly("Version two");
    }

    @Test
    void aKillRemovesTheStoryButLeavesATombstoneForAtom() {
        pipe(Articles.story("a", "Wrong story").build());
        pipe(Articles.story("b", "Right story").setReceivedAt(Articles.T0.plusSeconds(10)).build());
        pipe(EnrichedArticle.newBuilder(Articles.story("a", "").build()).setVersion(2)
                .setAction(ArticleAction.KILL).setBody(List.of()).setImages(List.of())
                .setReceivedAt(Articles.T0.plusSeconds(300)).build());

        assertThat(headlines(query.page(FeedFilter.ALL, null, 10, false))).containsExactly("Right story");
        FeedPage withKills = query.page(FeedFilter.ALL, null, 10, true);
        assertThat(withKills.items()).hasSize(2);
        FeedItem tombstone = withKills.items().get(0);
        assertThat(tombstone.killed()).isTrue();
        // the last content is kept so a filter can tell which feeds carried the story
        assertThat(tombstone.article().getHeadline()).isEqualTo("Wrong story");
    }

    @Test
    void aKillOfAnUnknownStoryStoresNothing() {
        pipe(Articles.story("ghost", "x").setAction(ArticleAction.KILL).build());
        assertThat(query.page(FeedFilter.ALL, null, 10, true).items()).isEmpty();
    }

    @Test
    void anEmbargoedStoryAppearsOnlyOnceTheEmbargoHasPassed() {
        pipe(Articles.story("future", "Embargoed").setEmbargoUntil(NOW.plusSeconds(3600)).build());
        pipe(Articles.story("past", "Released").setEmbargoUntil(NOW.minusSeconds(60)).build());
        assertThat(headlines(query.page(FeedFilter.ALL, null, 10, false))).containsExactly("Released");

        FeedQuery later = new FeedQuery(fixture.view(),
                Clock.fixed(NOW.plusSeconds(7200), ZoneOffset.UTC));
        FeedPage page = later.page(FeedFilter.ALL, null, 10, false);
        assertThat(headlines(page)).containsExactly("Embargoed", "Released");
        assertThat(ArticleTimes.published(page.items().get(0).article())).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void cursorsWalkBackThroughEveryItemWithoutRepeats() {
        pipeStories(25);
        List<String> seen = new ArrayList<>();
        String before = null;
        int pages = 0;
        while (true) {
            FeedPage page = query.page(FeedFilter.ALL, before, 10, false);
            seen.addAll(headlines(page));
            pages++;
            if (page.nextCursor().isEmpty()) {
                break;
            }
            before = cursorAfter(page);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().startsWith("Story 24").endsWith("Story 0");
    }

    @Test
    void theFilterAppliesOnEveryPage() {
        for (int i = 0; i < 6; i++) {
            pipe(Articles.story("p" + i, (i % 2 == 0 ? "even " : "odd ") + i)
                    .setReceivedAt(Articles.T0.plusSeconds(i)).build());
        }
        FeedFilter even = article -> article.getHeadline().startsWith("even");
        FeedPage first = query.page(even, null, 2, false);
        assertThat(headlines(first)).containsExactly("even 4", "even 2");
        FeedPage second = query.page(even, TimelineKey.fromCursor(first.nextCursor().orElseThrow()).orElseThrow(),
                2, false);
        assertThat(headlines(second)).containsExactly("even 0");
        assertThat(second.nextCursor()).isEmpty();
    }

    @Test
    void cachedPagesFollowTheStateVersionAndEmbargoes() {
        MutableClock clock = new MutableClock(NOW);
        FeedQuery cached = new FeedQuery(fixture.view(), clock, version, 100);
        FeedFilter all = article -> true;
        pipe(Articles.story("a", "First").build());
        pipe(Articles.story("e", "Embargoed").setEmbargoUntil(NOW.plusSeconds(60)).build());
        FeedPage first = cached.page(all, null, 10, false);
        assertThat(headlines(first)).containsExactly("First");
        assertThat(cached.page(all, null, 10, false)).isSameAs(first);

        pipe(Articles.story("b", "Second").setReceivedAt(Articles.T0.plusSeconds(5)).build());
        assertThat(headlines(cached.page(all, null, 10, false))).containsExactly("Second", "First");

        clock.now = NOW.plusSeconds(61);
        assertThat(headlines(cached.page(all, null, 10, false))).containsExactly("Embargoed", "Second", "First");
    }

    @Test
    void thePageCacheHoldsAtMostItsBudgetOfArticles() {
        FeedQuery cached = new FeedQuery(fixture.view(), Clock.fixed(NOW, ZoneOffset.UTC), version, 10);
        pipeStories(12);
        FeedFilter all = article -> true;
        FeedPage newest = cached.page(all, null, 4, false);
        assertThat(cached.page(all, null, 4, false)).isSameAs(newest);
        // a partner walking back with cursors: every page is another cache entry, within the budget
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            FeedPage read = cached.page(all, cursor, 4, false);
            assertThat(cached.cachedItems()).isLessThanOrEqualTo(10);
            cursor = cursorAfter(read);
        }
        assertThat(cached.cachedItems()).isPositive();
        // too big for the budget: served, never kept
        FeedPage all12 = cached.page(all, null, 12, false);
        assertThat(all12.items()).hasSize(12);
        assertThat(cached.page(all, null, 12, false)).isNotSameAs(all12);
    }

    @Test
    void pagesReadAtAnEarlierStateAreNotKeptOnceTheStateChanges() {
        FeedQuery cached = new FeedQuery(fixture.view(), Clock.fixed(NOW, ZoneOffset.UTC), version, 100);
        pipeStories(12);
        FeedFilter all = article -> true;
        String cursor = null;
        for (int page = 0; page < 3; page++) {
            cursor = cursorAfter(cached.page(all, cursor, 4, false));
        }
        assertThat(cached.cachedItems()).as("three pages of 4, each an entry").isEqualTo(15);

        pipe(Articles.story("new", "Breaking").setReceivedAt(Articles.T0.plusSeconds(60)).build());
        FeedPage newest = cached.page(all, null, 4, false);

        assertThat(headlines(newest)).startsWith("Breaking");
        // the cursor pages of the earlier state can never be served again: they must not hold their articles
        assertThat(cached.cachedItems()).isEqualTo(5);
        assertThat(cached.page(all, null, 4, false)).isSameAs(newest);
    }

    @Test
    void twoReadersOfOneStateEndWithThePageHeldSoItsRenderingStaysCached() throws Exception {
        pipeStories(6);
        CountDownLatch firstReaderInside = new CountDownLatch(1);
        CountDownLatch releaseFirstReader = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        FeedStateView view = fixture.view();
        FeedStateView firstReadHeld = new FeedStateView() {
            @Override
            public ReadOnlyKeyValueStore<String, PartnerSubscription> partners() {
                return view.partners();
            }

            @Override
            public ReadOnlyKeyValueStore<String, EnrichedArticle> articles() {
                return view.articles();
            }

            @Override
            public List<ReadOnlyKeyValueStore<String, String>> timelinePartitions() {
                if (reads.getAndIncrement() == 0) {
                    firstReaderInside.countDown();
                    awaitQuietly(releaseFirstReader);
                }
                return view.timelinePartitions();
            }
        };
        FeedQuery cached = new FeedQuery(firstReadHeld, Clock.fixed(NOW, ZoneOffset.UTC), version, 100);
        FeedFilter all = article -> true;
        ExecutorService slowReader = Executors.newSingleThreadExecutor();
        try {
            Future<FeedPage> slow = slowReader.submit(() -> cached.page(all, null, 4, false));
            assertThat(firstReaderInside.await(10, TimeUnit.SECONDS)).isTrue();
            FeedPage held = cached.page(all, null, 4, false);
            releaseFirstReader.countDown();

            // renderings are cached by the identity of the page: the slower reading of the same state must not
            // replace the page held, or the next poll goes to a worker to render again
            assertThat(slow.get(10, TimeUnit.SECONDS)).isSameAs(held);
            assertThat(cached.page(all, null, 4, false)).isSameAs(held);
            assertThat(reads).hasValue(2);
        } finally {
            releaseFirstReader.countDown();
            slowReader.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void partnersAreReadableFromTheGlobalStore() {
        PartnerSubscription partner = PartnerSubscription.newBuilder().setPartnerId("acme").setDisplayName("Acme")
                .setTokenHash(PartnerTokens.hash("secret")).setFeeds(List.of()).setUpdatedAt(NOW).build();
        partners.pipeInput("acme", partner);
        assertThat(fixture.view().partners().get("acme")).isEqualTo(partner);
        partners.pipeInput("acme", null);
        assertThat(fixture.view().partners().get("acme")).isNull();
    }

    @Test
    void aCorrectionWithTheSameTimeAndLengthIsServedNotTheVersionDecodedBefore() {
        FeedQuery cached = new FeedQuery(fixture.view(), Clock.fixed(NOW, ZoneOffset.UTC), version,
                100);
        pipe(Articles.story("a", "Ferry treaty agreed by four").build());
        pipe(Articles.story("b", "Other story").setReceivedAt(Articles.T0.minusSeconds(30)).build());
        FeedPage before = cached.page(FeedFilter.ALL, null, 10, false);
        assertThat(headlines(before)).containsExactly("Ferry treaty agreed by four", "Other story");

        // same id, same timeline position, same encoded length: only the bytes tell the versions apart
        pipe(Articles.story("a", "Ferry treaty agreed by five").setVersion(2).setAction(ArticleAction.CORRECT)
                .build());
        FeedPage after = cached.page(FeedFilter.ALL, null, 10, false);
        assertThat(headlines(after)).containsExactly("Ferry treaty agreed by five", "Other story");
        assertThat(after.items().get(0).article().getVersion()).isEqualTo(2);
        assertThat(after.items().get(0).article().getAction()).isEqualTo(ArticleAction.CORRECT);
        assertThat(after.items().get(0).timelineKey()).isEqualTo(before.items().get(0).timelineKey());
        // and the unchanged story was not decoded again
        assertThat(after.items().get(1).article()).isSameAs(before.items().get(1).article());
    }

    @Test
    void aKillOfAStoryDecodedBeforeIsServedAsAKill() {
        FeedQuery cached = new FeedQuery(fixture.view(), Clock.fixed(NOW, ZoneOffset.UTC), version,
                100);
        pipe(Articles.story("a", "Wrong story").build());
        pipe(Articles.story("b", "Right story").setReceivedAt(Articles.T0.minusSeconds(10)).build());
        assertThat(headlines(cached.page(FeedFilter.ALL, null, 10, false))).containsExactly("Wrong story",
                "Right story");
        assertThat(cached.page(FeedFilter.ALL, null, 10, true).items()).noneMatch(FeedItem::killed);

        // a kill without content and at the same time: the stored record keeps the headline, only the action moves
        pipe(Articles.story("a", "").setVersion(2).setAction(ArticleAction.KILL).build());
        assertThat(headlines(cached.page(FeedFilter.ALL, null, 10, false))).containsExactly("Right story");
        FeedPage withKills = cached.page(FeedFilter.ALL, null, 10, true);
        assertThat(withKills.items()).extracting(FeedItem::killed).containsExactly(true, false);
        assertThat(withKills.items().get(0).article().getHeadline()).isEqualTo("Wrong story");
    }

    @Test
    void aPageReadAfterOneNewStoryDecodesOnlyThatStory() {
        FeedQuery cached = new FeedQuery(fixture.view(), Clock.fixed(NOW, ZoneOffset.UTC), version,
                100);
        pipeStories(5);
        FeedPage before = cached.page(FeedFilter.ALL, null, 5, false);
        pipe(Articles.story("new", "Breaking").setReceivedAt(Articles.T0.plusSeconds(60)).build());
        FeedPage after = cached.page(FeedFilter.ALL, null, 5, false);

        assertThat(after).isNotSameAs(before);
        assertThat(headlines(after)).containsExactly("Breaking", "Story 4", "Story 3", "Story 2", "Story 1");
        for (int i = 1; i < 5; i++) {
            assertThat(after.items().get(i).article()).as("item %d", i).isSameAs(before.items().get(i - 1).article());
        }
    }

    @Test
    void withoutTheDecodedArticleCacheEveryReadDecodes() {
        try (FeedStateDriver uncached = FeedStateDriver.start(stateDir.resolve("uncached"), new StateVersion(),
                Map.of(SyndicateConfig.ARTICLE_CACHE_MAX_BYTES, "0"))) {
            uncached.articles().pipeInput("a", Articles.story("a", "Story").build());
            FeedQuery query = new FeedQuery(uncached.view(), Clock.fixed(NOW, ZoneOffset.UTC));
            EnrichedArticle first = query.page(FeedFilter.ALL, null, 10, false).items().get(0).article();
            EnrichedArticle second = query.page(FeedFilter.ALL, null, 10, false).items().get(0).article();
            assertThat(second).isEqualTo(first).isNotSameAs(first);
        }
    }

    @Test
    void anUpdatedOrRevokedPartnerIsReadAtOnce() {
        FeedStateView view = fixture.view();
        PartnerSubscription partner = PartnerSubscription.newBuilder().setPartnerId("acme").setDisplayName("Acme")
                .setTokenHash(PartnerTokens.hash("secret-1")).setFeeds(List.of()).setUpdatedAt(NOW).build();
        partners.pipeInput("acme", partner);
        assertThat(view.partners().get("acme")).isEqualTo(partner);

        // a rotated token: a hash of the same length, same update time
        PartnerSubscription rotated = PartnerSubscription.newBuilder(partner)
                .setTokenHash(PartnerTokens.hash("secret-2")).build();
        partners.pipeInput("acme", rotated);
        assertThat(view.partners().get("acme").getTokenHash()).isEqualTo(rotated.getTokenHash());
        assertThat(PartnerTokens.matches("secret-1", view.partners().get("acme").getTokenHash())).isFalse();

        partners.pipeInput("acme", PartnerSubscription.newBuilder(rotated).setEnabled(false).build());
        assertThat(view.partners().get("acme").getEnabled()).isFalse();
        partners.pipeInput("acme", null);
        assertThat(view.partners().get("acme")).isNull();
    }

    @Test
    void anUnchangedPartnerIsDecodedOnceForEveryRequest() {
        FeedStateView view = fixture.view();
        PartnerSubscription partner = PartnerSubscription.newBuilder().setPartnerId("acme").setDisplayName("Acme")
                .setTokenHash(PartnerTokens.hash("secret-1")).setFeeds(List.of()).setUpdatedAt(NOW).build();
        partners.pipeInput("acme", partner);

        // every feed request reads its partner: the store must hand back the record decoded before, which it only
        // does if the decode-once serde reaches the global store (it takes Consumed's serdes, not Materialized's)
        PartnerSubscription first = view.partners().get("acme");
        assertThat(view.partners().get("acme")).isSameAs(first).isEqualTo(partner);

        partners.pipeInput("acme", PartnerSubscription.newBuilder(partner).setDisplayName("Acme News").build());
        assertThat(view.partners().get("acme").getDisplayName()).isEqualTo("Acme News");
    }

    @Test
    void partnerReadsComeFromTheDirectoryAndFollowEveryChangeAtOnce() {
        AtomicInteger handleReads = new AtomicInteger();
        ReadOnlyKeyValueStore<String, PartnerSubscription> reads = feedState.partnerDirectory()
                .readingThrough(countingQueryHandle(handleReads));
        assertThat(feedState.partnerDirectory().loaded()).isTrue();
        assertThat(reads.get("acme")).isNull();

        PartnerSubscription partner = PartnerSubscription.newBuilder().setPartnerId("acme").setDisplayName("Acme")
                .setTokenHash(PartnerTokens.hash("secret-1")).setFeeds(List.of()).setUpdatedAt(NOW).build();
        partners.pipeInput("acme", partner);
        assertThat(reads.get("acme")).isEqualTo(partner);
        PartnerSubscription rotated = PartnerSubscription.newBuilder(partner)
                .setTokenHash(PartnerTokens.hash("secret-2")).build();
        partners.pipeInput("acme", rotated);
        assertThat(reads.get("acme").getTokenHash()).isEqualTo(rotated.getTokenHash());
        partners.pipeInput("acme", PartnerSubscription.newBuilder(rotated).setEnabled(false).build());
        assertThat(reads.get("acme").getEnabled()).isFalse();
        partners.pipeInput("acme", null);
        assertThat(reads.get("acme")).isNull();
        assertThat(handleReads).hasValue(0);

        // the store holds what the directory holds: the watcher and the admin API still read it
        partners.pipeInput("globex", PartnerSubscription.newBuilder(partner).setPartnerId("globex").build());
        assertThat(fixture.view().partners().get("globex"))
                .isEqualTo(reads.get("globex"));
        assertThat(fixture.view().partners().get("acme")).isNull();
    }

    @Test
    void untilTheGlobalStoreIsLoadedAndOnceWithdrawnPartnerReadsGoThroughTheQueryHandle() {
        AtomicInteger handleReads = new AtomicInteger();
        partners.pipeInput("acme", PartnerSubscription.newBuilder().setPartnerId("acme").setDisplayName("Acme")
                .setTokenHash(PartnerTokens.hash("secret")).setFeeds(List.of()).setUpdatedAt(NOW).build());
        assertThat(new PartnerDirectory().readingThrough(countingQueryHandle(handleReads)).get("acme")
                .getDisplayName()).isEqualTo("Acme");
        assertThat(handleReads).hasValue(1);

        feedState.partnerDirectory().withdraw();
        ReadOnlyKeyValueStore<String, PartnerSubscription> reads = feedState.partnerDirectory()
                .readingThrough(countingQueryHandle(handleReads));
        assertThat(reads.get("acme").getDisplayName()).isEqualTo("Acme");
        assertThat(handleReads).hasValue(2);
        // a withdrawn directory is not refilled behind the application's back
        partners.pipeInput("acme", null);
        assertThat(feedState.partnerDirectory().loaded()).isFalse();
        assertThat(reads.get("acme")).isNull();
    }

    @Test
    void aPartnerRecordWithoutAKeyIsSkippedAndTheNextOnesStillApply() {
        PartnerSubscription partner = PartnerSubscription.newBuilder().setPartnerId("acme").setDisplayName("Acme")
                .setTokenHash(PartnerTokens.hash("secret")).setFeeds(List.of()).setUpdatedAt(NOW).build();
        partners.pipeInput(null, partner);
        partners.pipeInput("acme", partner);
        assertThat(feedState.partnerDirectory().readingThrough(countingQueryHandle(new AtomicInteger())).get("acme"))
                .isEqualTo(partner);
    }

    /** The interactive-query handle: here the driver's store, counted, so a test sees which path a read took. */
    private Supplier<ReadOnlyKeyValueStore<String, PartnerSubscription>> countingQueryHandle(AtomicInteger reads) {
        return () -> {
            reads.incrementAndGet();
            return driver.getKeyValueStore(FeedStateTopology.PARTNERS_STORE);
        };
    }

    /** Stories "Story 0" … "Story n-1", one second apart, the last the newest. */
    private void pipeStories(int count) {
        for (int i = 0; i < count; i++) {
            pipe(Articles.story("s" + i, "Story " + i).setReceivedAt(Articles.T0.plusSeconds(i)).build());
        }
    }

    /** The timeline key a page's next cursor starts below, or null on the last page. */
    private static String cursorAfter(FeedPage page) {
        return page.nextCursor().map(c -> TimelineKey.fromCursor(c).orElseThrow()).orElse(null);
    }

    private void pipe(EnrichedArticle article) {
        articles.pipeInput(article.getArticleId(), article);
    }

    private static List<String> headlines(FeedPage page) {
        return page.items().stream().map(item -> item.article().getHeadline()).toList();
    }
}
