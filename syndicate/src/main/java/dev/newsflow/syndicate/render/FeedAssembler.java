package dev.newsflow.syndicate.render;

import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.filter.FeedFilter;
import dev.newsflow.syndicate.filter.FilterParser;
import dev.newsflow.syndicate.state.FeedPage;
import dev.newsflow.syndicate.state.FeedQuery;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds the document of one feed page: runs the query with the feed's filter and page size and
 * fills in absolute self/next/home links. Used by the HTTP routes and by static output.
 */
public final class FeedAssembler {
    private final FeedQuery query;
    private final Supplier<String> baseUrl;
    private final int maxPageSize;
    private final Optional<String> hubUrl;
    private final ConcurrentHashMap<FilterKey, FeedFilter> filters = new ConcurrentHashMap<>();

    public FeedAssembler(FeedQuery query, Supplier<String> baseUrl, int maxPageSize, Optional<String> hubUrl) {
        this.query = query;
        this.baseUrl = baseUrl;
        this.maxPageSize = maxPageSize;
        this.hubUrl = hubUrl;
    }

    /**
     * @param before     timeline key of the page start (exclusive), null for the newest page
     * @param extraQuery query parameters to carry into self/next links (e.g. {@code token=...}), or empty
     */
    public FeedDocument assemble(PartnerSubscription partner, FeedSubscription feed, FeedFormat format,
                                 String before, String beforeCursor, String extraQuery) {
        FeedFilter filter = filter(feed);
        int pageSize = Math.min(feed.getMaxItems(), maxPageSize);
        return document(partner, feed, format, query.page(filter, before, pageSize, format.carriesDeletions()),
                beforeCursor, extraQuery);
    }

    /** As {@link #assemble}, when the page is cached for the current state; else empty, having read nothing. */
    public Optional<FeedDocument> assembleIfCached(PartnerSubscription partner, FeedSubscription feed,
                                                   FeedFormat format, String before, String beforeCursor,
                                                   String extraQuery) {
        FeedFilter filter = filter(feed);
        int pageSize = Math.min(feed.getMaxItems(), maxPageSize);
        return query.cachedPage(filter, before, pageSize, format.carriesDeletions())
                .map(page -> document(partner, feed, format, page, beforeCursor, extraQuery));
    }

    private FeedDocument document(PartnerSubscription partner, FeedSubscription feed, FeedFormat format,
                                  FeedPage page, String beforeCursor, String extraQuery) {
        String path = feedPath(partner.getPartnerId(), feed.getFeedId(), format);
        String base = baseUrl.get();
        String self = base + path
                + query(beforeCursor == null ? null : "before=" + QueryValues.encode(beforeCursor), extraQuery);
        Optional<String> next = page.nextCursor()
                .map(cursor -> base + path + query("before=" + QueryValues.encode(cursor), extraQuery));
        Instant updated = page.newestUpdate().isAfter(partner.getUpdatedAt()) ? page.newestUpdate()
                : partner.getUpdatedAt();
        return new FeedDocument(partner.getPartnerId(), feed.getFeedId(), feed.getTitle(), self, base + "/",
                next, hubUrl, updated, page.items());
    }

    public static String feedPath(String partnerId, String feedId, FeedFormat format) {
        return "/feeds/" + partnerId + "/" + feedId + "." + format.extension();
    }

    private FeedFilter filter(FeedSubscription feed) {
        // keyed by value, not by a string made of them: formatting the double cost ~2 % of a 304
        return filters.computeIfAbsent(new FilterKey(feed.getMinConfidence(), feed.getFilter()),
                ignored -> FilterParser.parse(feed.getFilter(), feed.getMinConfidence(), "filter"));
    }

    private record FilterKey(double minConfidence, String filter) {
    }

    private static String query(String first, String extra) {
        StringBuilder query = new StringBuilder();
        for (String part : new String[] {first, extra}) {
            if (part != null && !part.isEmpty()) {
                query.append(query.length() == 0 ? '?' : '&').append(part);
            }
        }
        return query.toString();
    }

}
