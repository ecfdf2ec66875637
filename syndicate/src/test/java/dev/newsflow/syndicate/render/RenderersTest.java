package dev.newsflow.syndicate.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.Articles;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private final EnrichedArticle story = Articles.story("gazette:1", "Ferry treaty agreed").build();

    @Test
    void rssHasNonPermalinkGuidsRfc822DatesMediaCaptionsAndCredits() throws Exception {
        String xml = render(new RssRenderer(), RenderFixtures.document(story));
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(xml).contains("<guid isPermaLink=\"false\">urn:newsflow:article:gazette:1</guid>",
                "<pubDate>Sat, 28 Nov 2026 09:30:00 GMT</pubDate>",
                "<atom:link href=\"" + RenderFixtures.SELF + "\" rel=\"self\" type=\"application/rss+xml\"",
                "rel=\"next\"", "<dc:creator>Mara Lindqvist</dc:creator>");

        Channel channel = (Channel) new WireFeedInput().build(new StringReader(xml));
        Item item = channel.getItems().get(0);
        assertThat(item.getTitle()).isEqualTo("Ferry treaty agreed");
        assertThat(item.getLink()).isEqualTo("https://harbour-gazette.example.org/news/gazette:1");
        assertThat(item.getDescription().getValue()).startsWith("<p>Leaders of the coastal alliance");
        MediaEntryModule media = (MediaEntryModule) item.getModule(MediaModule.URI);
        assertThat(media.getMediaContents()).hasSize(1);
        assertThat(media.getMediaContents()[0].getReference().toString())
                .isEqualTo("https://images.example.org/lisbon.jpg");
        assertThat(media.getMediaContents()[0].getMetadata().getDescription())
                .isEqualTo("Delegates arrive at the conference centre in Lisbon");
        assertThat(media.getMediaContents()[0].getMetadata().getCredits())
                .extracting(c -> c.getRole() + "=" + c.getName())
                .containsExactly("photographer=Ana Sousa", "distributor=Reuters");
        assertThat(item.getCategories()).extracting(c -> c.getValue()).contains("News", "Politics", "politics");
    }

    @Test
    void anImageWithoutUrlGivesItsCaptionAtItemLevel() throws Exception {
        EnrichedArticle noUrl = Articles.story("x", "No image URL").setImages(List.of(
                dev.newsflow.schema.Image.newBuilder().setCaption("Only a caption").setCreditline("EPA")
                        .setBy("Ludo Marin").build())).build();
        String xml = render(new RssRenderer(), RenderFixtures.document(noUrl));
        assertThat(xml).doesNotContain("<media:content");
        Item item = ((Channel) new WireFeedInput().build(new StringReader(xml))).getItems().get(0);
        MediaEntryModule media = (MediaEntryModule) item.getModule(MediaModule.URI);
        assertThat(media.getMetadata().getDescription()).isEqualTo("Only a caption");
        assertThat(media.getMetadata().getCredits()).extracting(c -> c.getName()).containsExactly("Ludo Marin", "EPA");
    }

    @Test
    void atomHasSelfNextRfc3339DatesAndTombstonesForKills() throws Exception {
        EnrichedArticle killed = Articles.story("gone", "Withdrawn").setAction(ArticleAction.KILL)
                .setReceivedAt(Articles.T0.plusSeconds(60)).build();
        String xml = render(new AtomRenderer(), RenderFixtures.document(killed, story));
        assertThat(xml).contains("<updated>2026-11-28T09:30:00Z</updated>",
                "<at:deleted-entry ref=\"urn:newsflow:article:gone\" when=\"2026-11-28T09:31:00Z\"",
                "xmlns:at=\"http://purl.org/atompub/tombstones/1.0\"");
        assertThat(xml).doesNotContain("Withdrawn");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getOtherLinks()).extracting(l -> l.getRel() + " " + l.getHref())
                .contains("self " + RenderFixtures.SELF, "next " + RenderFixtures.NEXT);
        assertThat(feed.getEntries()).hasSize(1);
        assertThat(feed.getEntries().get(0).getId()).isEqualTo("urn:newsflow:article:gazette:1");
        assertThat(feed.getEntries().get(0).getCategories()).extracting(c -> c.getTerm())
                .contains("medtop:11000000", "medtop:20000638");
    }

    @Test
    void jsonFeedCarriesTheCoreFieldsAndTheExtension() throws Exception {
        JsonNode feed = new ObjectMapper().readTree(new JsonFeedRenderer().render(RenderFixtures.document(story)));
        assertThat(feed.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("next_url").asText()).isEqualTo(RenderFixtures.NEXT);
        JsonNode item = feed.get("items").get(0);
        assertThat(item.get("id").asText()).isEqualTo("urn:newsflow:article:gazette:1");
        assertThat(item.get("date_published").asText()).isEqualTo("2026-11-28T09:30:00Z");
        assertThat(item.get("authors").get(0).get("name").asText()).isEqualTo("Mara Lindqvist");
        assertThat(item.get("image").asText()).isEqualTo("https://images.example.org/lisbon.jpg");
        JsonNode extension = item.get("_newsflow");
        assertThat(extension.get("entities").get(0).get("wikidata_id").asText()).isEqualTo("Q597");
        assertThat(extension.get("topics").get(1).get("qcode").asText()).isEqualTo("medtop:20000638");
        assertThat(extension.get("images").get(0).get("by").asText()).isEqualTo("Ana Sousa");
    }

    @Test
    void hostileTextYieldsWellFormedFeeds() throws Exception {
        String hostile = "Bell\u0007 and NUL\u0000, ]]> end, <script>alert('x')</script> after, "
                + "\u202Ertl\u202C, lone \uD800 surrogate, <img src=x onerror=alert(1)>";
        EnrichedArticle article = Articles.story("evil", hostile).setBody(List.of(hostile, "]]><![CDATA[")).build();
        for (FeedRenderer renderer : List.of(new RssRenderer(), new AtomRenderer())) {
            String xml = render(renderer, RenderFixtures.document(article));
            // parses as XML (Rome uses a validating-for-well-formedness SAX parser)
            new WireFeedInput().build(new StringReader(xml));
            assertThat(xml).doesNotContain("\u0007", "\u0000", "<script", "alert('x')", "\uD800");
            assertThat(xml).contains("\u202Ertl\u202C", "]]&gt;");
        }
        JsonNode json = new ObjectMapper().readTree(new JsonFeedRenderer().render(RenderFixtures.document(article)));
        String html = json.get("items").get(0).get("content_html").asText();
        assertThat(html).doesNotContain("<script", "<img", "onerror", "alert").contains("\u202Ertl\u202C");
    }

    @Test
    void xmlTextRemovesOnlyWhatXmlCannotCarry() {
        assertThat(XmlText.clean("a\u0001b\tc\nd\uFFFEe\uD83D\uDE00f\uDC00")).isEqualTo("ab\tc\nde\uD83D\uDE00f");
        String clean = "plain text stays the same object";
        assertThat(XmlText.clean(clean)).isSameAs(clean);
    }

    private static String render(FeedRenderer renderer, FeedDocument document) {
        return new String(renderer.render(document), StandardCharsets.UTF_8);
    }
}
