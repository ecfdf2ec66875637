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

    /** Only Atom can say that an entry was deleted (RFC 6721); the others just drop it. */
    public boolean carriesDeletions() {
        return this == ATOM;
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
