package dev.newsflow.syndicate.state;

import java.util.List;
import java.util.Optional;

/** One page of a feed, newest first, and the cursor of the next (older) page when there is one. */
public record FeedPage(List<FeedItem> items, Optional<String> nextCursor) {
    public FeedPage {
        items = List.copyOf(items);
    }
}
