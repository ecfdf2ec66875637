package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.cache.WeightBoundedCache;
import dev.newsflow.syndicate.filter.FeedFilter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads one page of a feed: walks the timeline newest first (merging the per-partition stores),
 * keeps released articles the feed's filter accepts, and stops after {@code pageSize}. Paging is by
 * cursor (the last key served), so any depth costs the same and there is no offset cap; the filter
 * is applied on every page, so a cursor never exposes items outside the feed.
 */
public final class FeedQuery {
    /** Default budget of the page cache, in deserialised articles held (~10–20 KB of heap each). */
    public static final int DEFAULT_CACHED_ITEMS = 2_000;

    private final FeedStateView state;
    private final Clock clock;
    private final StateVersion version;
    // Weighed by the articles a page holds, not by pages: a page holds up to max-page-size deserialised
    // articles, and a partner walking back with cursors must not be able to fill the heap (a count bound of
    // 2,048 pages let the load test do just that).
    private final WeightBoundedCache<PageKey, CachedPage> cache;
    /** The state version the cached pages were read at, as far as this query has seen (versions only grow). */
    private final AtomicLong cachedVersion = new AtomicLong(-1);

    /** Without a version nothing is cached (e.g. over a TopologyTestDriver, whose stores change under us). */
    public FeedQuery(FeedStateView state, Clock clock) {
        this(state, clock, null, 0);
    }

    /**
     * @param version     when given, pages are cached per filter/cursor/size until the state version
     *                    changes or an embargo skipped by the page passes
     * @param cachedItems budget of the page cache in articles held; 0 caches nothing
     */
    public FeedQuery(FeedStateView state, Clock clock, StateVersion version, int cachedItems) {
        this.state = state;
        this.clock = clock;
        this.version = cachedItems > 0 ? version : null;
        this.cache = new WeightBoundedCache<>(cachedItems, cached -> cached.page().items().size() + 1L);
    }

    /** Articles held by the cached pages (for tests and metrics). */
    public long cachedItems() {
        return cache.weight();
    }

    private record PageKey(FeedFilter filter, String before, int pageSize, boolean includeKills) {
    }

    private record CachedPage(long version, Instant validUntil, FeedPage page) {
    }

    /**
     * @param before       timeline key to start strictly below, or null for the newest page
     * @param includeKills whether killed stories are returned (Atom tombstones) or skipped
     */
    public FeedPage page(FeedFilter filter, String before, int pageSize, boolean includeKills) {
        if (version == null) {
            return read(filter, before, pageSize, includeKills, new Instant[1]);
        }
        PageKey key = new PageKey(filter, before, pageSize, includeKills);
        long current = version.current();
        forgetEarlierVersions(current);
        Instant now = clock.instant();
        CachedPage cached = cache.get(key);
        if (cached != null && cached.version() == current && now.isBefore(cached.validUntil())) {
            return cached.page();
        }
        Instant[] nextEmbargo = new Instant[1];
        FeedPage page = read(filter, before, pageSize, includeKills, nextEmbargo);
        CachedPage read = new CachedPage(current, nextEmbargo[0] == null ? Instant.MAX : nextEmbargo[0], page);
        return cache.putOrKeep(key, read, (held, offered) -> preferred(held, offered, now)).page();
    }

    /**
     * Of two readings of one page, the one of the later state; at the same state the one held while it is valid,
     * because renderings are cached by the identity of the page's item list: replacing it with an equal reading
     * would send the next poll of an unchanged feed to a worker to render.
     */
    private static CachedPage preferred(CachedPage held, CachedPage offered, Instant now) {
        boolean heldServable = held.version() >= offered.version() && now.isBefore(held.validUntil());
        return heldServable ? held : offered;
    }

    /**
     * A page is served from the cache only at the state version it was read at, so once the state has changed every
     * page held is dead weight until evicted: with news arriving every few milliseconds that was the whole budget of
     * pages (2,000 decoded articles by default, mostly the cursor pages of partners catching up), kept long enough to
     * be promoted and collected with the old generation (BENCHMARKS.md, issue 20). Pages of earlier states are
     * dropped instead, so the cache holds those of the current state only. Only earlier ones: a reader that saw the
     * change late must not drop a page another reader has just read at the new state (emptying the whole cache did,
     * and the next poll then missed the page's cached rendering).
     */
    private void forgetEarlierVersions(long current) {
        long seen = cachedVersion.get();
        if (current > seen && cachedVersion.compareAndSet(seen, current)) {
            cache.removeValuesIf(cached -> cached.version() < current);
        }
    }

    /**
     * The page when the cache holds it for the current state, else empty, without reading the stores: the
     * feed handler answers such requests on the connection's own thread and hands the rest to a worker.
     */
    public Optional<FeedPage> cachedPage(FeedFilter filter, String before, int pageSize, boolean includeKills) {
        if (version == null) {
            return Optional.empty();
        }
        CachedPage cached = cache.get(new PageKey(filter, before, pageSize, includeKills));
        if (cached != null && cached.version() == version.current() && clock.instant().isBefore(cached.validUntil())) {
            return Optional.of(cached.page());
        }
        return Optional.empty();
    }

    /** @param nextEmbargo receives the earliest embargo end among the articles skipped for their embargo */
    private FeedPage read(FeedFilter filter, String before, int pageSize, boolean includeKills,
                          Instant[] nextEmbargo) {
        Instant now = clock.instant();
        List<FeedItem> items = new ArrayList<>();
        List<KeyValueIterator<String, String>> iterators = new ArrayList<>();
        try {
            PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::key).reversed());
            for (ReadOnlyKeyValueStore<String, String> partition : state.timelinePartitions()) {
                KeyValueIterator<String, String> iterator = partition.reverseRange(null, before);
                iterators.add(iterator);
                advance(iterator, before, heads);
            }
            while (!heads.isEmpty()) {
                Head head = heads.poll();
                advance(head.iterator(), before, heads);
                EnrichedArticle article = state.articles().get(head.entry().value);
                if (article == null) {
                    continue;
                }
                if (!ArticleTimes.released(article, now)) {
                    if (nextEmbargo[0] == null || article.getEmbargoUntil().isBefore(nextEmbargo[0])) {
                        nextEmbargo[0] = article.getEmbargoUntil();
                    }
                    continue;
                }
                if (!includeKills && article.getAction() == dev.newsflow.schema.ArticleAction.KILL) {
                    continue;
                }
                if (!filter.matches(article)) {
                    continue;
                }
                if (items.size() == pageSize) {
                    // One more match exists: the page is full and an older page follows.
                    return new FeedPage(items, Optional.of(TimelineKey.toCursor(items.get(items.size() - 1)
                            .timelineKey())));
                }
                items.add(new FeedItem(article, head.key()));
            }
            return new FeedPage(items, Optional.empty());
        } finally {
            iterators.forEach(KeyValueIterator::close);
        }
    }

    private static void advance(KeyValueIterator<String, String> iterator, String before, PriorityQueue<Head> heads) {
        while (iterator.hasNext()) {
            KeyValue<String, String> entry = iterator.next();
            if (before != null && entry.key.compareTo(before) >= 0) {
                continue;
            }
            heads.add(new Head(entry, iterator));
            return;
        }
    }

    private record Head(KeyValue<String, String> entry, KeyValueIterator<String, String> iterator) {
        String key() {
            return entry.key;
        }
    }
}
