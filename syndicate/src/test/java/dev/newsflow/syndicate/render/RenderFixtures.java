package dev.newsflow.syndicate.render;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.state.FeedItem;
import dev.newsflow.syndicate.state.TimelineKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Feed documents for renderer tests. */
public final class RenderFixtures {
    public static final String SELF = "https://feeds.example.com/feeds/acme/all.rss";
    public static final String NEXT = "https://feeds.example.com/feeds/acme/all.rss?before=abc";

    private RenderFixtures() {
    }

    public static FeedDocument document(EnrichedArticle... articles) {
        List<FeedItem> items = new ArrayList<>();
        for (EnrichedArticle article : articles) {
            items.add(new FeedItem(article, TimelineKey.of(article.getReceivedAt(), article.getArticleId())));
        }
        return new FeedDocument("acme", "all", "Acme: everything", SELF, "https://feeds.example.com/",
                Optional.of(NEXT), Optional.empty(), Instant.parse("2026-11-28T10:00:00Z"), items);
    }
}
