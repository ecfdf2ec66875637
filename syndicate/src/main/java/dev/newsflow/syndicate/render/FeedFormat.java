package dev.newsflow.syndicate.render;

import java.util.Optional;

/** The formats a feed is served in, by file extension. */
public enum FeedFormat {
    RSS("rss", new RssRenderer()),
    ATOM("atom", new AtomRenderer()),
    JSON("json", new JsonFeedRenderer());

    private static final FeedFormat[] VALUES = values();

    private final String extension;
    private final FeedRenderer renderer;

    FeedFormat(String extension, FeedRenderer renderer) {
        this.extension = extension;
        this.renderer = renderer;
    }

    public String extension() {
        return extension;
    }

    public FeedRenderer renderer() {
        return renderer;
    }

    /**
     * Whether a page carries killed stories: Atom as RFC 6721 tombstones, JSON Feed as {@code _newsflow} tombstone
     * items. RSS has no way to say it, so a killed story is just absent there.
     */
    public boolean carriesDeletions() {
        return this != RSS;
    }

    public static Optional<FeedFormat> byExtension(String extension) {
        for (FeedFormat format : VALUES) {
            if (format.extension.equals(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
