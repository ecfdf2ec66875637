package dev.newsflow.syndicate.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemTextCacheTest {
    @Test
    void textsAreComputedOncePerArticleVersion() {
        ItemTextCache cache = new ItemTextCache(1 << 20);
        ItemTexts first = cache.texts(Articles.story("a", "Headline").build());
        assertThat(cache.texts(Articles.story("a", "Headline").build())).isSameAs(first);
        ItemTexts corrected = cache.texts(Articles.story("a", "Headline, corrected").setVersion(2)
                .setAction(ArticleAction.CORRECT).build());
        assertThat(corrected.headline()).isEqualTo("Headline, corrected");
        assertThat(ItemTextCache.none().texts(Articles.story("a", "Headline").build())).isNotSameAs(first);
    }

    @Test
    void theCacheIsBoundedByBytes() {
        ItemTextCache cache = new ItemTextCache(4_000);
        for (int i = 0; i < 100; i++) {
            cache.texts(Articles.story("story-" + i, "Headline " + i).build());
        }
        assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(4_000);
    }

    @Test
    void cachedTextsRenderTheSameBytesAsFreshOnesInEveryFormat() {
        String hostile = "Bell\u0007 <script>alert('x')</script> <STYLE>p{}</style > <!-- c --> <b>bold</b> "
                + "<![CDATA[ & \"q\" 'a' <a href=x>l</a> \uD800 < 3 > 2 <script>open\n";
        List<EnrichedArticle> articles = new ArrayList<>();
        articles.add(Articles.story("plain", "Plain headline").build());
        articles.add(Articles.story("hostile", "Headline " + hostile)
                .setBody(List.of(hostile, "It's 5 < 6 & \"fine\"", "", "   ", "<script>only")).setByline(hostile)
                .build());
        articles.add(Articles.story("long", "Long").setBody(List.of("word ".repeat(200))).build());
        FeedDocument document = RenderFixtures.document(articles.toArray(new EnrichedArticle[0]));
        ItemTextCache cache = new ItemTextCache(1 << 20);
        for (FeedFormat format : FeedFormat.values()) {
            String fresh = new String(format.renderer().render(document), StandardCharsets.UTF_8);
            assertThat(new String(format.renderer().render(document, cache), StandardCharsets.UTF_8))
                    .isEqualTo(fresh);
            assertThat(new String(format.renderer().render(document, cache), StandardCharsets.UTF_8))
                    .as("from the cache").isEqualTo(fresh);
        }
    }

    @Test
    void aJsonFeedKeepsItsItemsBytesButNotTheTextsTheyWereMadeFromUnlessAnotherFormatNeedsThem() {
        EnrichedArticle article = Articles.story("a", "Headline").build();
        FeedDocument document = RenderFixtures.document(article);
        ItemTextCache cache = new ItemTextCache(1 << 20);

        FeedFormat.JSON.renderer().render(document, cache);
        long jsonOnly = cache.weight();
        ItemTexts once = cache.textsForItemBytes(article);

        assertThat(cache.textsForItemBytes(article)).as("not kept").isNotSameAs(once).isEqualTo(once);
        assertThat(jsonOnly).as("the item's bytes are kept").isPositive();
        FeedFormat.RSS.renderer().render(document, cache);
        assertThat(cache.weight()).as("RSS keeps the texts it renders from").isGreaterThan(jsonOnly);
        assertThat(cache.textsForItemBytes(article)).as("held for RSS, so used").isSameAs(cache.texts(article));
        assertThat(ItemTextCache.none().textsForItemBytes(article)).isEqualTo(once);
    }

    @Test
    void aJsonFeedRenderedFirstAndOtherFormatsAfterItGiveTheSameBytesAsFreshOnes() {
        EnrichedArticle[] articles = {Articles.story("one", "One <b>bold</b> & more").build(),
                Articles.story("two", "Two").setBody(List.of("First.", "Second & <i>third</i>.")).build()};
        FeedDocument document = RenderFixtures.document(articles);
        ItemTextCache cache = new ItemTextCache(1 << 20);
        List<FeedFormat> jsonFirst = new ArrayList<>(List.of(FeedFormat.JSON));
        for (FeedFormat format : FeedFormat.values()) {
            if (format != FeedFormat.JSON) {
                jsonFirst.add(format);
            }
        }
        jsonFirst.add(FeedFormat.JSON);
        for (FeedFormat format : jsonFirst) {
            assertThat(new String(format.renderer().render(document, cache), StandardCharsets.UTF_8)).as(format.name())
                    .isEqualTo(new String(format.renderer().render(document), StandardCharsets.UTF_8));
        }
    }

    /** A page re-read after each batch of new stories renders only the new ones, the budget holding three pages. */
    @Test
    void aSlidingPageRendersOnlyItsNewStoriesWhenTheBudgetHoldsThreePages() {
        int page = 100;
        int newPerRead = 25;
        byte[] rendered = new byte[1_000];
        ItemTextCache cache = new ItemTextCache(3L * page * (rendered.length + 96));
        int[] renders = {0};
        int newest = 0;
        for (int read = 0; read < 400; read++) {
            newest += newPerRead;
            for (int story = newest; story > Math.max(0, newest - page); story--) {
                cache.itemBytes(FeedFormat.JSON, Articles.story("story-" + story, "Story " + story).build(), () -> {
                    renders[0]++;
                    return rendered;
                });
            }
        }
        assertThat(renders[0]).isEqualTo(newest);
    }
}
