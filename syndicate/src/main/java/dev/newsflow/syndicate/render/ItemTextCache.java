package dev.newsflow.syndicate.render;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.cache.WeightBoundedCache;

/**
 * The {@link ItemTexts} of recently rendered article versions, shared by all formats and feeds of one
 * service, keyed by article id and version. In the feed state an (id, version) pair names one content:
 * the feed-state processor never stores a version that is not newer than the stored one. When one new
 * story arrives in a 100-item feed, the next render sanitises that one story and reuses the other 99.
 * Bounded by the approximate bytes held.
 */
public final class ItemTextCache {
    private static final ItemTextCache NONE = new ItemTextCache(0);

    private final WeightBoundedCache<Key, ItemTexts> entries;

    private record Key(String articleId, int version) {
    }

    public ItemTextCache(long maxBytes) {
        this.entries = maxBytes == 0 ? null : new WeightBoundedCache<>(maxBytes, ItemTexts::weight);
    }

    /** Computes every time: for documents whose articles are not from one feed state (tests, tools). */
    public static ItemTextCache none() {
        return NONE;
    }

    public ItemTexts texts(EnrichedArticle article) {
        if (entries == null) {
            return ItemTexts.of(article);
        }
        Key key = new Key(article.getArticleId(), article.getVersion());
        ItemTexts cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        ItemTexts texts = ItemTexts.of(article);
        entries.put(key, texts);
        return texts;
    }

    long weight() {
        return entries == null ? 0 : entries.weight();
    }
}
