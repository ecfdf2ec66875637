package dev.newsflow.syndicate.render;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.cache.RecencyBoundedCache;
import java.util.function.Supplier;

/**
 * What rendering an item costs and depends on the article version alone, kept between renders: its
 * {@link ItemTexts} (shared by the formats that render items from them on every page) and, per format that
 * caches them, its serialised bytes (made from texts that are kept only if another format needs them). Keyed by
 * article id, version and action: in the feed state an (id, version) pair names one content, since the
 * feed-state processor never stores a version that is not newer than the stored one, and a kill renders
 * differently from the version it withdraws. Nothing else goes into an item (no feed, partner, token or base
 * URL: those are in the page around it). When one new story arrives in a 100-item feed, the next render
 * sanitises and serialises that one story and reuses the other 99. One budget for both kinds, bounded by
 * the approximate bytes held, the least recently used out first ({@link RecencyBoundedCache}).
 */
public final class ItemTextCache {
    private static final ItemTextCache NONE = new ItemTextCache(0);
    /** Object, array and key overhead of a cached byte array, roughly. */
    private static final long BYTES_OVERHEAD = 96;

    private final RecencyBoundedCache<Key, Object> entries;

    /** @param format null for the texts, else the format whose item bytes are held */
    private record Key(String articleId, int version, ArticleAction action, FeedFormat format) {
        static Key of(EnrichedArticle article, FeedFormat format) {
            return new Key(article.getArticleId(), article.getVersion(), article.getAction(), format);
        }
    }

    public ItemTextCache(long maxBytes) {
        this.entries = maxBytes == 0 ? null : new RecencyBoundedCache<>(maxBytes, ItemTextCache::weigh);
    }

    /** Computes every time: for documents whose articles are not from one feed state (tests, tools). */
    public static ItemTextCache none() {
        return NONE;
    }

    public ItemTexts texts(EnrichedArticle article) {
        return cached(Key.of(article, null), ItemTexts.class, () -> ItemTexts.of(article));
    }

    /**
     * The texts for a format that keeps its serialised items ({@link #itemBytes}): the held ones if another format
     * has made them, else made for this one use and not kept. Once the item's bytes are held its texts are not read
     * again by that format, so keeping them too doubled what each new story put in the cache: at hundreds of stories a
     * second the cache turns over within a second or two, and everything it holds that long is promoted and then
     * collected with the old generation (BENCHMARKS.md, issue 20). RSS or Atom, which render items from the texts on
     * every page, keep them with {@link #texts} when they first need them.
     */
    public ItemTexts textsForItemBytes(EnrichedArticle article) {
        if (entries != null && entries.get(Key.of(article, null)) instanceof ItemTexts held) {
            return held;
        }
        return ItemTexts.of(article);
    }

    /**
     * The serialised item of this article version in {@code format}, made by {@code render} when not held.
     * {@code render} must depend on nothing but the article (and this cache's texts of it).
     */
    public byte[] itemBytes(FeedFormat format, EnrichedArticle article, Supplier<byte[]> render) {
        return cached(Key.of(article, format), byte[].class, render);
    }

    private <V> V cached(Key key, Class<V> type, Supplier<V> compute) {
        if (entries == null) {
            return compute.get();
        }
        Object cached = entries.get(key);
        if (cached != null) {
            return type.cast(cached);
        }
        V value = compute.get();
        entries.put(key, value);
        return value;
    }

    private static long weigh(Object value) {
        return value instanceof ItemTexts texts ? texts.weight() : ((byte[]) value).length + BYTES_OVERHEAD;
    }

    long weight() {
        return entries == null ? 0 : entries.weight();
    }
}
