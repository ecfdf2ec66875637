package dev.newsflow.syndicate.render;

import dev.newsflow.syndicate.cache.WeightBoundedCache;
import dev.newsflow.syndicate.state.FeedItem;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers the last rendering of each feed document (by format and URL) with the fingerprint of
 * what went into it: the links, the feed's last change and each item's id, version and action. An
 * unchanged document (the common case: partners poll far more often than news changes) is served
 * from here without rendering again. A document changed by one new story is rendered again with the
 * other stories' texts from the shared {@link ItemTextCache}. Bounded by the approximate bytes held,
 * least recently used out first.
 */
public final class RenderCache {
    /**
     * @param items the page's item list the rendering was made from: the page cache hands out the same
     *              immutable list while the state is unchanged, so seeing it again proves the items are
     *              the same without building their fingerprint. Weak, so it does not keep pages alive.
     */
    private record Entry(String title, Instant updated, Optional<String> nextUrl, Optional<String> hubUrl,
                         WeakReference<List<FeedItem>> items, String fingerprint, Rendered rendered) {
        boolean sameLinksAndTimes(FeedDocument document) {
            return updated.equals(document.updated()) && title.equals(document.title())
                    && nextUrl.equals(document.nextUrl()) && hubUrl.equals(document.hubUrl());
        }

        long weight() {
            return rendered.weight() + 2L * (fingerprint.length() + title.length()) + 256;
        }
    }

    private final WeightBoundedCache<String, Entry> entries;
    private final ItemTextCache texts;

    public RenderCache(long maxBytes, ItemTextCache texts) {
        this.entries = new WeightBoundedCache<>(maxBytes, Entry::weight);
        this.texts = Objects.requireNonNull(texts, "texts");
    }

    public Rendered render(FeedFormat format, FeedDocument document) {
        String key = key(format, document);
        Entry cached = entries.get(key);
        if (cached != null && cached.sameLinksAndTimes(document) && cached.items().get() == document.items()) {
            return cached.rendered();
        }
        String fingerprint = fingerprint(document.items());
        Rendered rendered;
        if (cached != null && cached.sameLinksAndTimes(document) && cached.fingerprint().equals(fingerprint)) {
            rendered = cached.rendered();
        } else {
            rendered = new Rendered(format.renderer().render(document, texts), document.updated());
        }
        entries.put(key, new Entry(document.title(), document.updated(), document.nextUrl(), document.hubUrl(),
                new WeakReference<>(document.items()), fingerprint, rendered));
        return rendered;
    }

    /**
     * The rendering of this very document (same page list, links and times) when held, else empty: a
     * lookup that never renders nor builds a fingerprint.
     */
    public Optional<Rendered> cached(FeedFormat format, FeedDocument document) {
        Entry cached = entries.get(key(format, document));
        if (cached != null && cached.sameLinksAndTimes(document) && cached.items().get() == document.items()) {
            return Optional.of(cached.rendered());
        }
        return Optional.empty();
    }

    private static String key(FeedFormat format, FeedDocument document) {
        return format.extension() + " " + document.selfUrl();
    }

    /** Approximate bytes held. */
    public long weight() {
        return entries.weight();
    }

    private static String fingerprint(List<FeedItem> items) {
        StringBuilder text = new StringBuilder(48 * items.size());
        for (FeedItem item : items) {
            text.append(item.article().getArticleId()).append('@').append(item.article().getVersion())
                    .append(item.article().getAction()).append('@').append(item.timelineKey()).append('\n');
        }
        return text.toString();
    }
}
