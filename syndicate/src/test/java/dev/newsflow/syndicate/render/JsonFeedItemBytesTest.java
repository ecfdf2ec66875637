package dev.newsflow.syndicate.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Topic;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.state.FeedItem;
import dev.newsflow.syndicate.state.TimelineKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The JSON Feed page assembled from cached item bytes is byte for byte the page serialised as one Jackson tree
 * (how it was rendered before items were cached), and a cached item is never served for another version or
 * action of its article.
 */
class JsonFeedItemBytesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFeedRenderer RENDERER = new JsonFeedRenderer();

    /** The page as one tree, serialised at once: the rendering before items were cached. */
    private static byte[] asOneTree(FeedDocument document) throws Exception {
        ObjectNode feed = MAPPER.createObjectNode();
        feed.put("version", JsonFeedRenderer.VERSION);
        feed.put("title", ItemContent.text(document.title()));
        feed.put("home_page_url", document.homeUrl());
        feed.put("feed_url", document.selfUrl());
        document.nextUrl().ifPresent(next -> feed.put("next_url", next));
        document.hubUrl().ifPresent(hub -> feed.putArray("hubs").addObject().put("type", "WebSub").put("url", hub));
        ArrayNode items = feed.putArray("items");
        for (FeedItem item : document.items()) {
            items.add(item.killed() ? RENDERER.tombstone(item.article()) : RENDERER.item(item.article()));
        }
        return MAPPER.writeValueAsBytes(feed);
    }

    private static FeedDocument document(String title, Optional<String> next, Optional<String> hub,
                                         List<EnrichedArticle> articles) {
        List<FeedItem> items = new ArrayList<>();
        for (EnrichedArticle article : articles) {
            items.add(new FeedItem(article, TimelineKey.of(article.getReceivedAt(), article.getArticleId())));
        }
        return new FeedDocument("acme", "all", title, RenderFixtures.SELF, "https://feeds.example.com/", next, hub,
                Instant.parse("2026-11-28T10:00:00Z"), items);
    }

    private static List<EnrichedArticle> fixtures() {
        String hostile = "Bell\u0007 <script>alert('x')</script> <b>bold</b> <![CDATA[ & \"q\" 'a' \uD800 < 3 > 2 "
                + "back\\slash tab\t line\u2028sep";
        List<EnrichedArticle> articles = new ArrayList<>();
        articles.add(Articles.story("plain", "Plain headline").build());
        articles.add(Articles.story("updated", "Headline, corrected").setVersion(3)
                .setAction(ArticleAction.CORRECT).setReceivedAt(Articles.T0.plusSeconds(600))
                .setPublishedAt(Articles.T0).build());
        articles.add(Articles.story("killed", "Withdrawn").setVersion(2).setAction(ArticleAction.KILL).build());
        articles.add(Articles.story("unicode/ü é", "Überraschung in Zürich: 東京 — «citation» 👍🏽 עברית")
                .setBody(List.of("Ça coûte 5 € — naïve café, ﬁ ligature, 😀 and e\u0301 combining.",
                        "Ελληνικά και русский текст."))
                .setByline("Zoë Ørsted").setLanguage("de").build());
        articles.add(Articles.story("hostile", "Headline " + hostile).setBody(List.of(hostile, "", "  ", "<p>x"))
                .setByline(hostile).setSection(hostile).setCategory(null).setLanguage(null).build());
        articles.add(Articles.story("images", "Two photos and an entity list")
                .setByline(null)
                .setCanonicalUrl("not a url")
                .setImages(List.of(
                        Image.newBuilder().setCaption("").setCreditline(null).setBy(null).setRawCredit(null)
                                .setUrl("/relative.jpg").build(),
                        Image.newBuilder().setCaption("Harbour at dawn").setCreditline("AP").setBy("Jo Lee")
                                .setRawCredit("AP / Jo Lee").setUrl("https://images.example.org/harbour.jpg?w=1&h=2")
                                .build()))
                .setEntities(List.of(
                        Entity.newBuilder().setName("Mara Lindqvist").setType(EntityType.PERSON)
                                .setWikidataId(null).setConfidence(0.5).setSalience(0.12345678901234).setMentions(List.of())
                                .build(),
                        Entity.newBuilder().setName("Coastal Alliance").setType(EntityType.ORGANIZATION)
                                .setWikidataId("Q1").setConfidence(1.0).setSalience(0.0).setMentions(List.of())
                                .build()))
                .setTopics(List.of())
                .build());
        articles.add(Articles.story("long", "Long").setBody(List.of("word ".repeat(3_000), "second")).build());
        articles.add(Articles.story("embargoed", "Embargoed").setEmbargoUntil(Articles.T0.plusSeconds(3_600))
                .build());
        return articles;
    }

    @Test
    void thePageIsByteIdenticalToTheWholeTreeForEveryKindOfItemAndEnvelope() throws Exception {
        ItemTextCache cache = new ItemTextCache(1 << 22);
        List<EnrichedArticle> articles = fixtures();
        List<FeedDocument> documents = List.of(
                document("Acme: everything", Optional.of(RenderFixtures.NEXT), Optional.empty(), articles),
                document("Acme & <friends> ✓", Optional.empty(), Optional.of("https://hub.example.com/"),
                        articles.subList(2, articles.size())),
                document(null, Optional.empty(), Optional.empty(), articles.subList(0, 1)),
                document("Empty", Optional.empty(), Optional.empty(), List.of()));
        for (FeedDocument document : documents) {
            String tree = new String(asOneTree(document), StandardCharsets.UTF_8);
            assertThat(new String(RENDERER.render(document), StandardCharsets.UTF_8)).isEqualTo(tree);
            assertThat(new String(RENDERER.render(document, cache), StandardCharsets.UTF_8)).isEqualTo(tree);
            assertThat(new String(RENDERER.render(document, cache), StandardCharsets.UTF_8))
                    .as("items from the cache").isEqualTo(tree);
            assertThat(MAPPER.readTree(RENDERER.render(document, cache)).get("items"))
                    .hasSize(document.items().size());
        }
        assertThat(cache.weight()).isPositive();
    }

    @Test
    void aNewVersionOrAKillIsNeverServedTheCachedBytesOfTheOneBefore() throws Exception {
        ItemTextCache cache = new ItemTextCache(1 << 22);
        EnrichedArticle other = Articles.story("other", "Unchanged neighbour").build();
        EnrichedArticle first = Articles.story("a", "First headline").build();
        EnrichedArticle corrected = Articles.story("a", "Corrected headline").setVersion(2)
                .setAction(ArticleAction.CORRECT).setReceivedAt(Articles.T0.plusSeconds(60)).build();
        // A kill carrying the same version as the story it withdraws must not get that story's bytes either.
        EnrichedArticle killed = Articles.story("a", "Corrected headline").setVersion(2)
                .setAction(ArticleAction.KILL).setReceivedAt(Articles.T0.plusSeconds(120)).build();

        for (EnrichedArticle version : List.of(first, corrected, killed)) {
            FeedDocument document = RenderFixtures.document(version, other);
            byte[] rendered = RENDERER.render(document, cache);
            assertThat(new String(rendered, StandardCharsets.UTF_8))
                    .isEqualTo(new String(asOneTree(document), StandardCharsets.UTF_8));
            JsonNode item = MAPPER.readTree(rendered).get("items").get(0);
            if (version == killed) {
                assertThat(item.get("content_text").asText()).isEqualTo(JsonFeedRenderer.WITHDRAWN_NOTICE);
                assertThat(item.get(JsonFeedRenderer.EXTENSION).get("deleted").asBoolean()).isTrue();
            } else {
                assertThat(item.get("title").asText()).isEqualTo(version.getHeadline());
                assertThat(item.get(JsonFeedRenderer.EXTENSION).get("version").asInt())
                        .isEqualTo(version.getVersion());
            }
        }
    }

    @Test
    void anUnchangedItemIsSerialisedOnceAndReusedByEveryPageThatHoldsIt() {
        ItemTextCache cache = new ItemTextCache(1 << 22);
        EnrichedArticle story = Articles.story("shared", "In two feeds").build();
        List<byte[]> made = new ArrayList<>();
        byte[] first = cache.itemBytes(FeedFormat.JSON, story, () -> {
            byte[] bytes = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
            made.add(bytes);
            return bytes;
        });
        byte[] again = cache.itemBytes(FeedFormat.JSON, Articles.story("shared", "In two feeds").build(), () -> {
            throw new AssertionError("rendered again");
        });
        assertThat(again).isSameAs(first);
        assertThat(made).hasSize(1);
        assertThat(ItemTextCache.none().itemBytes(FeedFormat.JSON, story, () -> new byte[] {'1'}))
                .containsExactly('1');
    }
}
