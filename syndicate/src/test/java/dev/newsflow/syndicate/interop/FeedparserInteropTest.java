package dev.newsflow.syndicate.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.RenderFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every format as a third-party reader sees it: Debian's python3-feedparser must parse RSS and Atom
 * with bozo == 0 and find the right titles, links, dates, captions and credits; the JSON Feed must
 * validate against the JSON Feed 1.1 schema. Hostile content must still give valid documents.
 */
class FeedparserInteropTest {
    @TempDir
    static Path dir;

    /** Per test (not @BeforeAll), so that a skip is reported on each test with its reason. */
    @BeforeEach
    void requirePython() {
        PythonTools.requireModule("feedparser", "python3-feedparser");
        PythonTools.requireModule("jsonschema", "python3-jsonschema");
    }

    @Test
    void ordinaryFeedsParseCleanlyWithTheRightFields() throws Exception {
        EnrichedArticle story = Articles.story("gazette:1", "Ferry treaty agreed").build();
        EnrichedArticle noImageUrl = Articles.story("gazette:2", "Harbour reopens")
                .setReceivedAt(Articles.T0.minusSeconds(3600))
                .setImages(List.of(Image.newBuilder().setCaption("The harbour at dawn").setCreditline("EPA")
                        .setBy("Ludovic Marin").setRawCredit("Photo: EPA / Ludovic Marin").build()))
                .build();
        EnrichedArticle killed = Articles.story("gazette:3", "Withdrawn story").setAction(ArticleAction.KILL)
                .setReceivedAt(Articles.T0.plusSeconds(600)).build();
        FeedDocument document = RenderFixtures.document(killed, story, noImageUrl);
        List<Path> files = write("ordinary", document);
        JsonNode results = PythonTools.checkFeeds(dir, files);

        JsonNode rss = results.get(files.get(0).toString());
        assertClean(rss);
        assertThat(rss.get("version").asText()).isEqualTo("rss20");
        assertThat(rss.get("title").asText()).isEqualTo("Acme: everything");
        assertThat(rss.get("entries")).hasSize(2);
        JsonNode first = rss.get("entries").get(0);
        assertThat(first.get("id").asText()).isEqualTo("urn:newsflow:article:gazette:1");
        assertThat(first.get("guidislink").asBoolean()).isFalse();
        assertThat(first.get("title").asText()).isEqualTo("Ferry treaty agreed");
        assertThat(first.get("link").asText()).isEqualTo("https://harbour-gazette.example.org/news/gazette:1");
        assertThat(first.get("published_parsed").toString()).isEqualTo("[2026,11,28,9,30,0]");
        assertThat(first.get("author").asText()).isEqualTo("Mara Lindqvist");
        assertThat(first.get("media_content").get(0).asText()).isEqualTo("https://images.example.org/lisbon.jpg");
        assertThat(first.get("media_credit").toString())
                .contains("\"role\":\"photographer\",\"content\":\"Ana Sousa\"")
                .contains("\"role\":\"distribution company\",\"content\":\"Reuters\"");
        JsonNode second = rss.get("entries").get(1);
        assertThat(second.get("title").asText()).isEqualTo("Harbour reopens");
        assertThat(second.get("media_credit").toString()).contains("Ludovic Marin", "EPA");
        assertThat(rss.get("links").toString()).contains(RenderFixtures.SELF);

        JsonNode atom = results.get(files.get(1).toString());
        assertClean(atom);
        assertThat(atom.get("version").asText()).isEqualTo("atom10");
        assertThat(atom.get("entries")).hasSize(2);
        JsonNode atomFirst = atom.get("entries").get(0);
        assertThat(atomFirst.get("id").asText()).isEqualTo("urn:newsflow:article:gazette:1");
        assertThat(atomFirst.get("title").asText()).isEqualTo("Ferry treaty agreed");
        assertThat(atomFirst.get("link").asText()).isEqualTo("https://harbour-gazette.example.org/news/gazette:1");
        assertThat(atomFirst.get("published").asText()).isEqualTo("2026-11-28T09:30:00Z");
        assertThat(atomFirst.get("media_credit").toString()).contains("Ana Sousa", "Reuters");
        assertThat(atomFirst.get("tags").toString()).contains("medtop:11000000");
        assertThat(atom.get("links").toString()).contains("\"rel\":\"self\"", "\"rel\":\"next\"");

        JsonNode json = results.get(files.get(2).toString());
        assertThat(json.get("schema_errors")).isEmpty();
        // the two stories and the killed one's tombstone item
        assertThat(json.get("items").asInt()).isEqualTo(3);
    }

    @Test
    void hostileContentStillGivesValidFeeds() throws Exception {
        String hostile = "Bell\u0007 NUL\u0000 VT\u000B ]]> <![CDATA[ x ]]> <script>alert('x')</script> "
                + "<a href=\"javascript:alert(1)\" onclick=\"steal()\">link</a> \u202Eeman\u202C \u200F\u05E9\u05DC\u05D5\u05DD "
                + "lone\uDC00surrogate \uFFFE";
        String tenMegabytes = "A long paragraph, repeated until the body is very large. ".repeat(190_000);
        EnrichedArticle article = Articles.story("evil:1", "Headline " + hostile)
                .setBody(List.of(hostile, tenMegabytes))
                .setByline("By\u0001line ]]>")
                .setImages(List.of(Image.newBuilder().setCaption("Caption " + hostile).setCreditline("EPA\u0002")
                        .setBy("Name ]]>").setUrl("javascript:alert(1)").build()))
                .setCanonicalUrl("/relative/path")
                .build();
        assertThat(tenMegabytes.length()).isGreaterThan(10_000_000);
        List<Path> files = write("hostile", RenderFixtures.document(article));
        JsonNode results = PythonTools.checkFeeds(dir, files);
        for (int i = 0; i < 2; i++) {
            JsonNode xml = results.get(files.get(i).toString());
            assertClean(xml);
            JsonNode entry = xml.get("entries").get(0);
            assertThat(entry.get("title").asText()).startsWith("Headline Bell NUL VT ]]>")
                    .contains(" x ]]>", "link", "\u202Eeman\u202C", "\u05E9\u05DC\u05D5\u05DD", "lonesurrogate")
                    .doesNotContain("alert", "<a", "CDATA");
            // neither a relative link nor a javascript: URL is published
            // (feedparser falls back to the id when an entry has no link)
            assertThat(entry.get("link").asText()).doesNotContain("relative", "javascript");
            assertThat(entry.get("media_content").toString()).doesNotContain("javascript");
        }
        for (Path file : files.subList(0, 2)) {
            String text = Files.readString(file);
            assertThat(text).doesNotContain("<script", "javascript:alert(1)\"", "\u0000", "\u0007");
        }
        JsonNode json = results.get(files.get(2).toString());
        assertThat(json.get("schema_errors")).isEmpty();
    }

    /**
     * What a partner's reader shows as the story is the story: in RSS and Atom, feedparser's summary and its
     * first content begin with the lead, for photos with and without an image URL; the caption is only the
     * photo's ({@code media:content}).
     */
    @Test
    void theStoryComesFirstAndTheCaptionStaysWithItsPhoto() throws Exception {
        String lead = "Leaders of the coastal alliance met in Lisbon on Thursday to agree a ferry treaty.";
        EnrichedArticle withUrl = Articles.story("gazette:1", "Ferry treaty agreed").build();
        EnrichedArticle withoutUrl = Articles.story("gazette:2", "Harbour reopens")
                .setReceivedAt(Articles.T0.minusSeconds(3600))
                .setImages(List.of(Image.newBuilder().setCaption("The harbour at dawn").setCreditline("EPA")
                        .setBy("Ludovic Marin").setRawCredit("Photo: EPA / Ludovic Marin").build()))
                .build();
        EnrichedArticle twoPhotos = Articles.story("gazette:3", "Storm in pictures")
                .setReceivedAt(Articles.T0.minusSeconds(7200))
                .setImages(List.of(Image.newBuilder().setCaption("Waves over the wall").setRawCredit("Courtesy")
                                .build(),
                        Image.newBuilder().setCaption("A fallen tree").setBy("Ana Sousa")
                                .setUrl("https://images.example.org/tree.jpg").build()))
                .build();
        List<Path> files = write("story-first", RenderFixtures.document(withUrl, withoutUrl, twoPhotos));
        JsonNode results = PythonTools.checkFeeds(dir, files);
        for (Path file : files.subList(0, 2)) {
            JsonNode parsed = results.get(file.toString());
            assertClean(parsed);
            assertThat(parsed.get("entries")).hasSize(3);
            for (JsonNode entry : parsed.get("entries")) {
                assertThat(entry.get("content").get(0).asText()).as("%s content of %s", file.getFileName(),
                        entry.get("title")).startsWith("<p>" + lead + "</p><p>The agreement");
                assertThat(entry.get("summary").asText()).as("%s summary of %s", file.getFileName(),
                        entry.get("title")).startsWith(lead);
                assertThat(entry.get("content").toString() + entry.get("summary"))
                        .doesNotContain("Delegates arrive", "harbour at dawn", "Waves over", "fallen tree");
            }
            JsonNode second = parsed.get("entries").get(1);
            assertThat(second.get("media_credit").toString()).contains("Ludovic Marin", "EPA");
            JsonNode third = parsed.get("entries").get(2);
            assertThat(third.get("media_content")).hasSize(2);
            assertThat(third.get("media_content").get(1).asText()).isEqualTo("https://images.example.org/tree.jpg");
            assertThat(third.get("media_credit").toString()).contains("Courtesy", "Ana Sousa");
        }
        String rss = Files.readString(files.get(0));
        assertThat(rss).contains("<media:description type=\"plain\">The harbour at dawn</media:description>",
                "<media:description type=\"plain\">A fallen tree</media:description>");
    }

    private static void assertClean(JsonNode parsed) {
        assertThat(parsed.get("bozo").asInt()).as("bozo (%s)", parsed.get("bozo_exception")).isZero();
    }

    private static List<Path> write(String name, FeedDocument document) throws Exception {
        List<Path> files = new ArrayList<>();
        for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM, FeedFormat.JSON)) {
            Path file = dir.resolve(name + "." + format.extension());
            Files.write(file, format.renderer().render(document));
            files.add(file);
        }
        return files;
    }
}
