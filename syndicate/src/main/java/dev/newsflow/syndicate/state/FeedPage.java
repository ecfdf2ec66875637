package dev.newsflow.syndicate.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of a feed, newest first, and the cursor of the next (older) page when there is one.
 *
 * @param newestUpdate the latest update time among the items ({@link Instant#MIN} when empty), worked
 *                     out once per page rather than on every request that serves it
 */
public record FeedPage(List<FeedItem> items, Optional<String> nextCursor, Instant newestUpdate) {
    public FeedPage {
        items = List.copyOf(items);
    }

    public FeedPage(List<FeedItem> items, Optional<String> nextCursor) {
        this(items, nextCursor, newest(items));
    }

    private static Instant newest(List<FeedItem> items) {
        Instant newest = Instant.MIN;
        for (FeedItem item : items) {
            Instant updated = ArticleTimes.updated(item.article());
            if (updated.isAfter(newest)) {
                newest = updated;
            }
        }
        return newest;
    }
}
