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
        // the summary (the lead) in description, the story in content:encoded, before any media element
        assertThat(item.getDescription().getValue())
                .isEqualTo("Leaders of the coastal alliance met in Lisbon on Thursday to agree a ferry treaty.");
        assertThat(xml).contains("<content:encoded><![CDATA[<p>Leaders of the coastal alliance met in Lisbon");
        assertThat(xml.indexOf("<description>Leaders")).isLessThan(xml.indexOf("<content:encoded>"));
        assertThat(xml.indexOf("<content:encoded>")).isLessThan(xml.indexOf("<media:content"));
        MediaEntryModule media = (MediaEntryModule) item.getModule(MediaModule.URI);
        assertThat(media.getMediaContents()).hasSize(1);
        assertThat(media.getMediaContents()[0].getReference().toString())
                .isEqualTo("https://images.example.org/lisbon.jpg");
        assertThat(media.getMediaContents()[0].getMetadata().getDescription())
                .isEqualTo("Delegates arrive at the conference centre in Lisbon");
        assertThat(media.getMediaContents()[0].getMetadata().getCredits())
                .extracting(c -> c.getRole() + "=" + c.getName())
                .containsExactly("photographer=Ana Sousa", "distribution company=Reuters");
        assertThat(item.getCategories()).extracting(c -> c.getValue()).contains("News", "Politics", "politics");
    }

    @Test
    void anImageWithoutUrlKeepsItsCaptionInsideItsOwnMediaContent() {
        EnrichedArticle noUrl = Articles.story("x", "No image URL").setImages(List.of(
                dev.newsflow.schema.Image.newBuilder().setCaption("Only a caption").setCreditline("EPA")
                        .setBy("Ludo Marin").build(),
                dev.newsflow.schema.Image.newBuilder().setCaption("   ").build())).build();
        for (FeedRenderer renderer : List.of(new RssRenderer(), new AtomRenderer())) {
            String xml = render(renderer, RenderFixtures.document(noUrl));
            assertThat(xml).contains("<media:content medium=\"image\"><media:credit role=\"photographer\" "
                    + "scheme=\"urn:ebu\">Ludo Marin</media:credit><media:credit role=\"distribution company\" "
                    + "scheme=\"urn:ebu\">EPA</media:credit><media:description type=\"plain\">Only a caption"
                    + "</media:description></media:content>");
            // never at item level, where readers take it for the story; an image with nothing to say is left out
            assertThat(xml.split("<media:description").length - 1).isEqualTo(1);
            assertThat(xml.split("<media:content").length - 1).isEqualTo(1);
        }
    }

    @Test
    void anUnsplitCreditHasNoRole() {
        EnrichedArticle article = Articles.story("x", "Raw credit").setImages(List.of(
                dev.newsflow.schema.Image.newBuilder().setCaption("A pier").setRawCredit("Courtesy of the council")
                        .setUrl("https://images.example.org/pier.jpg").build())).build();
        assertThat(render(new RssRenderer(), RenderFixtures.document(article)))
                .contains("<media:credit>Courtesy of the council</media:credit>");
    }

    @Test
    void jsonFeedGivesTheStoryAsContentAndTheCaptionToTheImage() throws Exception {
        JsonNode item = new ObjectMapper().readTree(new JsonFeedRenderer().render(RenderFixtures.document(story)))
                .get("items").get(0);
        assertThat(item.get("summary").asText()).startsWith("Leaders of the coastal alliance");
        assertThat(item.get("content_text").asText()).startsWith("Leaders of the coastal alliance");
        assertThat(item.get("content_html").asText()).startsWith("<p>Leaders of the coastal alliance");
        assertThat(item.get("_newsflow").get("images").get(0).get("caption").asText())
                .isEqualTo("Delegates arrive at the conference centre in Lisbon");
    }

    @Test
    void atomEntriesNeverShareAnUpdatedValue() {
        List<EnrichedArticle> sameMillisecond = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sameMillisecond.add(Articles.story("bulk:" + i, "Bulk " + i).build());
        }
        String xml = render(new AtomRenderer(), RenderFixtures.document(
                sameMillisecond.toArray(EnrichedArticle[]::new)));
        java.util.regex.Matcher updated = java.util.regex.Pattern.compile("<entry>.*?<updated>([^<]+)</updated>")
                .matcher(xml);
        java.util.Set<String> values = new java.util.HashSet<>();
        while (updated.find()) {
            assertThat(updated.group(1)).matches("2026-11-28T09:30:00\\.000\\d{6}Z");
            values.add(updated.group(1));
        }
        assertThat(values).hasSize(50);
        // stable: the same entry shows the same value in another document
        String alone = render(new AtomRenderer(), RenderFixtures.document(sameMillisecond.get(7)));
        assertThat(xml).contains(alone.replaceAll("(?s).*<entry>.*?(<updated>[^<]+</updated>).*", "$1"));
    }

    @Test
    void atomHasSelfNextRfc3339DatesAndTombstonesForKills() throws Exception {
        EnrichedArticle killed = Articles.story("gone", "Withdrawn").setAction(ArticleAction.KILL)
                .setReceivedAt(Articles.T0.plusSeconds(60)).build();
        String xml = render(new AtomRenderer(), RenderFixtures.document(killed, story));
        assertThat(xml).contains("<updated>2026-11-28T09:30:00.000",
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

    /** RSS drops a killed story, Atom carries an RFC 6721 tombstone, JSON Feed a _newsflow tombstone item. */
    @Test
    void aKillIsCarriedWhereEachFormatAllows() throws Exception {
        EnrichedArticle killed = Articles.story("gone", "Withdrawn headline").setAction(ArticleAction.KILL)
                .setVersion(4).setReceivedAt(Articles.T0.plusSeconds(60)).build();
        FeedDocument document = RenderFixtures.document(killed, story);

        String rss = render(new RssRenderer(), document);
        assertThat(rss).doesNotContain("gone", "Withdrawn").contains("urn:newsflow:article:gazette:1");

        String atom = render(new AtomRenderer(), document);
        assertThat(atom).contains("<at:deleted-entry ref=\"urn:newsflow:article:gone\" when=\"2026-11-28T09:31:00Z\"")
                .doesNotContain("Withdrawn");

        JsonNode items = new ObjectMapper().readTree(new JsonFeedRenderer().render(document)).get("items");
        assertThat(items).hasSize(2);
        JsonNode tombstone = items.get(0);
        assertThat(tombstone.get("id").asText()).isEqualTo("urn:newsflow:article:gone");
        assertThat(tombstone.get("content_text").asText()).isEqualTo(JsonFeedRenderer.WITHDRAWN_NOTICE);
        assertThat(tombstone.get("date_modified").asText()).isEqualTo("2026-11-28T09:31:00Z");
        assertThat(tombstone.get("_newsflow").get("deleted").asBoolean()).isTrue();
        assertThat(tombstone.get("_newsflow").get("deleted_at").asText()).isEqualTo("2026-11-28T09:31:00Z");
        assertThat(tombstone.get("_newsflow").get("version").asInt()).isEqualTo(4);
        assertThat(tombstone.toString()).doesNotContain("Withdrawn headline", "title", "Leaders");
        assertThat(items.get(1).get("_newsflow").has("deleted")).isFalse();
        assertThat(FeedFormat.RSS.carriesDeletions()).isFalse();
        assertThat(FeedFormat.ATOM.carriesDeletions()).isTrue();
        assertThat(FeedFormat.JSON.carriesDeletions()).isTrue();
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
