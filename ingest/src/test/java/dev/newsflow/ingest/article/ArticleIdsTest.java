package dev.newsflow.ingest.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.SourceFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
    private static ArticleDraft draft(String guid, String url, String headline) {
        return ArticleDraft.builder(SourceFormat.JSON).guid(guid).canonicalUrl(url).headline(headline)
                .body(List.of("b")).build();
    }

    @Test
    void aGuidIsNamespacedByPublisher() {
        String a = ArticleIds.articleId("acme", draft("story-1", null, "H"));
        String b = ArticleIds.articleId("other", draft("story-1", null, "H"));
        assertThat(a).startsWith("acme-g-").hasSize("acme-g-".length() + 24).isNotEqualTo(b);
        assertThat(ArticleIds.articleId("acme", draft("story-1", "https://x.example/1", "Other headline"))).isEqualTo(a);
    }

    @Test
    void withoutAGuidTheNormalisedCanonicalUrlDecides() {
        String plain = ArticleIds.articleId("acme", draft(null, "https://News.Example:443/a/1?id=7", "H"));
        String tracked = ArticleIds.articleId("acme",
                draft(null, "HTTPS://news.example/a/1?utm_source=rss&id=7&fbclid=abc#top", "Changed headline"));
        assertThat(plain).startsWith("acme-u-").isEqualTo(tracked);
        assertThat(ArticleIds.normaliseUrl("HTTPS://News.Example:443/a/1?utm_source=rss&id=7#top"))
                .isEqualTo("https://news.example/a/1?id=7");
    }

    @Test
    void rawTextWithNeitherIsIdentifiedByItsHeadline() {
        String a = ArticleIds.articleId("acme", draft(null, null, "Ferry  strike ENDS"));
        assertThat(a).startsWith("acme-h-").isEqualTo(ArticleIds.articleId("acme", draft(null, null, "ferry strike ends")));
    }
}
