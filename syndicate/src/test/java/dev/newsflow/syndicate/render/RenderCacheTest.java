package dev.newsflow.syndicate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.syndicate.Articles;
import org.junit.jupiter.api.Test;

class RenderCacheTest {
    @Test
    void anUnchangedDocumentIsServedFromTheCacheAndAChangedOneIsRenderedAgain() {
        RenderCache cache = new RenderCache(1 << 20, new ItemTextCache(1 << 20));
        Rendered first = cache.render(FeedFormat.RSS,
                RenderFixtures.document(Articles.story("a", "Headline").build()));
        Rendered again = cache.render(FeedFormat.RSS,
                RenderFixtures.document(Articles.story("a", "Headline").build()));
        assertThat(again).isSameAs(first);

        Rendered updated = cache.render(FeedFormat.RSS, RenderFixtures.document(
                Articles.story("a", "Headline, corrected").setVersion(2).setAction(ArticleAction.CORRECT).build()));
        assertThat(updated).isNotSameAs(first);
        assertThat(updated.etag()).isNotEqualTo(first.etag());
        assertThat(new String(updated.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Headline, corrected");

        Rendered atom = cache.render(FeedFormat.ATOM,
                RenderFixtures.document(Articles.story("a", "Headline").build()));
        assertThat(atom.etag()).isNotEqualTo(first.etag());
    }

    @Test
    void theCacheHoldsNoMoreBytesThanItsBudget() {
        FeedDocument document = RenderFixtures.document(Articles.story("a", "Headline").build());
        RenderCache none = new RenderCache(100, ItemTextCache.none());
        Rendered first = none.render(FeedFormat.RSS, document);
        assertThat(none.render(FeedFormat.RSS, document)).as("bigger than the budget: not kept").isNotSameAs(first);
        assertThat(none.weight()).isZero();

        RenderCache small = new RenderCache(first.body().length * 5L / 2, ItemTextCache.none());
        for (FeedFormat format : FeedFormat.values()) {
            small.render(format, document);
        }
        assertThat(small.weight()).isPositive().isLessThanOrEqualTo(first.body().length * 5L / 2);
    }
}
