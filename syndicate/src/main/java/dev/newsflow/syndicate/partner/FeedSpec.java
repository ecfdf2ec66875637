package dev.newsflow.syndicate.partner;

/**
 * A feed as an admin submits it.
 *
 * @param filter JSON filter expression (see {@code FilterParser}), or null for everything
 */
public record FeedSpec(String feedId, String title, String filter, double minConfidence, int maxItems) {
    public static final int DEFAULT_MAX_ITEMS = 100;

    /** A feed of everything, the shape of the demo partner's feed. */
    public static FeedSpec everything(String feedId, String title) {
        return new FeedSpec(feedId, title, null, 0.0, DEFAULT_MAX_ITEMS);
    }
}
