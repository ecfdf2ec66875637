package dev.newsflow.syndicate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.syndicate.Articles;
import org.junit.jupiter.api.Test;

class RenderCacheTest {
    @Test
    void anUnchangedDocumentIsServedFromTheCacheAndAChangedOneIsRenderedAgain() {
        RenderCache cache = new RenderCache(10);
        RenderCache.Rendered first = cache.render(FeedFormat.RSS,
                RenderFixtures.document(Articles.story("a", "Headline").build()));
        RenderCache.Rendered again = cache.render(FeedFormat.RSS,
                RenderFixtures.document(Articles.story("a", "Headline").build()));
        assertThat(again).isSameAs(first);

        RenderCache.Rendered updated = cache.render(FeedFormat.RSS, RenderFixtures.document(
                Articles.story("a", "Headline, corrected").setVersion(2).setAction(ArticleAction.CORRECT).build()));
        assertThat(updated).isNotSameAs(first);
        assertThat(updated.etag()).isNotEqualTo(first.etag());
        assertThat(new String(updated.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Headline, corrected");

        RenderCache.Rendered atom = cache.render(FeedFormat.ATOM,
                RenderFixtures.document(Articles.story("a", "Headline").build()));
        assertThat(atom.etag()).isNotEqualTo(first.etag());
    }
}
