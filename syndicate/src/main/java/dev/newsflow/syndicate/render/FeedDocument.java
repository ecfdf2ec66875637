package dev.newsflow.syndicate.render;

import dev.newsflow.syndicate.state.FeedItem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What every feed format renders: the feed's identity and links (absolute URLs), its last change
 * and one page of items, newest first.
 *
 * @param selfUrl      the URL this document was fetched at (rel=self)
 * @param homeUrl      the site the feed belongs to (RSS channel link, JSON Feed home_page_url)
 * @param nextUrl      the next (older) page, RFC 5005 rel=next
 * @param hubUrl       a WebSub hub, when one is configured
 */
public record FeedDocument(String partnerId, String feedId, String title, String selfUrl, String homeUrl,
                           Optional<String> nextUrl, Optional<String> hubUrl, Instant updated,
                           List<FeedItem> items) {
    public FeedDocument {
        items = List.copyOf(items);
    }

    /** A stable, non-URL identifier of the feed (Atom feed id). */
    public String feedUrn() {
        return "urn:newsflow:feed:" + ItemContent.urnPart(partnerId) + ":" + ItemContent.urnPart(feedId);
    }
}
