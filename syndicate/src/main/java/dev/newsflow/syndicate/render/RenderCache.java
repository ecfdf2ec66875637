package dev.newsflow.syndicate.render;

import dev.newsflow.syndicate.state.FeedItem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last rendering of each feed document (by format and URL) with the fingerprint of
 * what went into it: the links, the feed's last change and each item's id, version and action. An
 * unchanged document (the common case: partners poll far more often than news changes) is served
 * from here without rendering again. Bounded, least recently used out first.
 */
public final class RenderCache {
    /** A rendered document and its weak ETag. */
    public record Rendered(byte[] body, String etag) {
    }

    private final Map<String, Entry> entries;

    private record Entry(String fingerprint, Rendered rendered) {
    }

    public RenderCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public Rendered render(FeedFormat format, FeedDocument document) {
        String key = format.extension() + " " + document.selfUrl();
        String fingerprint = fingerprint(document);
        synchronized (entries) {
            Entry cached = entries.get(key);
            if (cached != null && cached.fingerprint().equals(fingerprint)) {
                return cached.rendered();
            }
        }
        byte[] body = format.renderer().render(document);
        Rendered rendered = new Rendered(body, "W/\"" + digest(body) + "\"");
        synchronized (entries) {
            entries.put(key, new Entry(fingerprint, rendered));
        }
        return rendered;
    }

    static String fingerprint(FeedDocument document) {
        StringBuilder text = new StringBuilder(64 + 48 * document.items().size())
                .append(document.title()).append('\n')
                .append(document.updated().toEpochMilli()).append('\n')
                .append(document.nextUrl().orElse("")).append('\n')
                .append(document.hubUrl().orElse("")).append('\n');
        for (FeedItem item : document.items()) {
            text.append(item.article().getArticleId()).append('@').append(item.article().getVersion())
                    .append(item.article().getAction()).append('@').append(item.timelineKey()).append('\n');
        }
        return text.toString();
    }

    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
