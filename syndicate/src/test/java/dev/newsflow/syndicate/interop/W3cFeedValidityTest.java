package dev.newsflow.syndicate.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import dev.newsflow.schema.Topic;
import dev.newsflow.syndicate.Articles;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.state.FeedItem;
import dev.newsflow.syndicate.state.TimelineKey;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every kind of RSS and Atom document the syndicator renders (one item, many, photos with and without a URL,
 * kills, paging links, a WebSub hub, tokens in links, an empty feed, odd characters, stories sharing a time)
 * passes the W3C Feed Validation Service's own checks with no error and no warning. Each document claims to
 * be served at its rel="self" URL, as the validator checks.
 */
class W3cFeedValidityTest {
    private static final Logger LOG = LoggerFactory.getLogger(W3cFeedValidityTest.class);
    private static final String BASE = "https://feeds.example.com";

    @TempDir
    Path work;

    @BeforeEach
    void requireValidator() {
        W3cFeedValidator.requirePython();
    }

    @Test
    void everyKindOfDocumentIsValidWithoutWarnings() throws Exception {
        List<W3cFeedValidator.Document> documents = new ArrayList<>();
        for (Case c : cases()) {
            for (FeedFormat format : List.of(FeedFormat.RSS, FeedFormat.ATOM)) {
                FeedDocument document = c.document(format);
                documents.add(new W3cFeedValidator.Document(c.name() + "." + format.extension(),
                        format.renderer().render(document), document.selfUrl(),
                        format.renderer().contentType()));
            }
        }
        List<W3cFeedValidator.Result> results = W3cFeedValidator.assertValid(work, documents);
        LOG.info("W3C feed validator: {} documents, {} errors, {} warnings (and {} 'unknown namespace' for RFC 6721 "
                        + "tombstones)", results.size(), results.stream().mapToInt(r -> r.errors().size()).sum(),
                results.stream().mapToInt(r -> r.otherWarnings().size()).sum(),
                results.stream().mapToInt(r -> r.tombstoneWarnings().size()).sum());
        assertThat(results).hasSize(2 * cases().size());
    }

    /** The check can fail: a document with a duplicate GUID and a role outside EBU's list is reported. */
    @Test
    void theValidatorReportsWhatIsWrong() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title>
                <link>https://feeds.example.com/</link><description>d</description>
                <item><title>a</title><guid isPermaLink="false">urn:x:1</guid>
                <media:content url="https://images.example.org/a.jpg" medium="image">
                <media:credit scheme="urn:ebu" role="distributor">EPA</media:credit></media:content></item>
                </channel></rss>
                """;
        List<W3cFeedValidator.Result> results = W3cFeedValidator.validate(work, List.of(
                new W3cFeedValidator.Document("bad.rss", rss.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        BASE + "/bad.rss", null)));
        assertThat(results.get(0).errors()).anySatisfy(error -> assertThat(error).startsWith("InvalidCreditRole"));
        assertThat(results.get(0).warnings()).anySatisfy(warning -> assertThat(warning).contains("MissingAtomSelfLink"));
    }

    private record Case(String name, String query, boolean next, boolean hub, List<EnrichedArticle> articles) {
        FeedDocument document(FeedFormat format) {
            String path = BASE + "/feeds/acme/all." + format.extension();
            List<FeedItem> items = new ArrayList<>();
            for (EnrichedArticle article : articles) {
                items.add(new FeedItem(article, TimelineKey.of(article.getReceivedAt(), article.getArticleId())));
            }
            String self = path + query;
            Optional<String> nextUrl = next ? Optional.of(path + "?before=MTc2NDMyMjIwMDAwMHxnYXpldHRlOjE"
                    + (query.contains("token=") ? "&token=t%2Bk%26n" : "")) : Optional.empty();
            Instant updated = articles.stream().map(EnrichedArticle::getReceivedAt).max(Instant::compareTo)
                    .orElse(Instant.parse("2026-11-28T08:00:00Z"));
            return new FeedDocument("acme", "all", "Acme: everything", self, BASE + "/", nextUrl,
                    hub ? Optional.of("https://hub.example.net/") : Optional.empty(), updated, items);
        }
    }

    private static List<Case> cases() {
        Instant t0 = Articles.T0;
        EnrichedArticle story = Articles.story("gazette:1", "Ferry treaty agreed").build();
        EnrichedArticle captionOnly = Articles.story("gazette:2", "Harbour reopens")
                .setReceivedAt(t0.minusSeconds(3600))
                .setImages(List.of(Image.newBuilder().setCaption("The harbour at dawn").setCreditline("EPA")
                        .setBy("Ludovic Marin").setRawCredit("Photo: EPA / Ludovic Marin").build()))
                .build();
        EnrichedArticle threeImages = Articles.story("gazette:3", "Storm season in pictures")
                .setReceivedAt(t0.minusSeconds(7200))
                .setImages(List.of(
                        Image.newBuilder().setCaption("Waves over the sea wall").setCreditline("AFP")
                                .setUrl("https://images.example.org/waves.jpg").build(),
                        Image.newBuilder().setCaption("A fallen tree").setBy("Ana Sousa")
                                .setUrl("https://images.example.org/tree.jpg").build(),
                        Image.newBuilder().setCaption("Sandbags").setRawCredit("Courtesy of the council")
                                .setUrl("https://images.example.org/sandbags.jpg").build(),
                        Image.newBuilder().setCaption("No credit at all")
                                .setUrl("https://images.example.org/plain.jpg").build()))
                .build();
        EnrichedArticle killed = Articles.story("gazette:4", "Withdrawn story").setAction(ArticleAction.KILL)
                .setVersion(2).setReceivedAt(t0.plusSeconds(600)).build();
        EnrichedArticle bare = EnrichedArticle.newBuilder(Articles.story("wire:5", "Bare wire copy").build())
                .setByline(null).setCanonicalUrl(null).setSection(null).setCategory(null).setImages(List.of())
                .setTopics(List.of()).setEntities(List.of()).setReceivedAt(t0.minusSeconds(60)).build();
        EnrichedArticle updated = Articles.story("gazette:6", "Ferry treaty: parliaments vote")
                .setVersion(3).setAction(ArticleAction.CORRECT).setPublishedAt(t0.minusSeconds(86_400))
                .setReceivedAt(t0.plusSeconds(30)).build();
        String odd = "Bell\u0007 NUL\u0000 ]]> <![CDATA[ x ]]> <script>alert('x')</script> & < > \" ' "
                + "<a href=\"javascript:alert(1)\">link</a> \u202Eeman\u202C \u05E9\u05DC\u05D5\u05DD lone\uDC00 \uFFFE "
                + "emoji \uD83D\uDCF0 zero\u200Bwidth";
        EnrichedArticle oddCharacters = Articles.story("odd:7 &<>\"'/é", "Headline " + odd)
                .setBody(List.of(odd, "Second & last paragraph < with > markup-like text"))
                .setByline("By\u0001line ]]> & Co")
                .setImages(List.of(Image.newBuilder().setCaption("Caption " + odd).setCreditline("EPA & <AFP>")
                        .setBy("Name ]]>").setUrl("https://images.example.org/a b.jpg?x=1&y=<2>").build()))
                .setTopics(List.of(Topic.newBuilder().setQcode("medtop:11000000").setLabel("politics & <law>")
                        .setLevel(1).setParents(List.of()).setScore(0.9).build()))
                .setSection("News & Views").setCategory("<Politics>")
                .setCanonicalUrl("https://harbour-gazette.example.org/news/odd?a=1&b=é")
                .build();
        EnrichedArticle longBody = Articles.story("gazette:8", "A long read")
                .setBody(List.of("A long paragraph, repeated until the body is large. ".repeat(4_000)))
                .setReceivedAt(t0.minusSeconds(30)).build();
        List<EnrichedArticle> sameTime = new ArrayList<>();
        Instant embargo = Instant.parse("2026-11-28T10:00:00Z");
        for (int i = 0; i < 5; i++) {
            // a bulk post lands in one millisecond; embargoed stories are released on the same hour
            sameTime.add(Articles.story("bulk:" + i, "Bulk story " + i).setReceivedAt(t0).build());
            sameTime.add(Articles.story("embargo:" + i, "Embargoed story " + i)
                    .setReceivedAt(t0.minusSeconds(i)).setEmbargoUntil(embargo).build());
        }
        List<EnrichedArticle> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(Articles.story("many:" + i, "Story number " + i).setReceivedAt(t0.minusSeconds(i * 37L)).build());
        }
        return List.of(
                new Case("single", "", false, false, List.of(story)),
                new Case("caption-without-url", "", false, false, List.of(captionOnly)),
                new Case("several-images", "", false, false, List.of(threeImages)),
                new Case("kill-among-stories", "", true, false, List.of(killed, story, captionOnly)),
                new Case("only-a-kill", "", false, false, List.of(killed)),
                new Case("bare", "", false, false, List.of(bare)),
                new Case("update", "", false, false, List.of(updated, story)),
                new Case("paged", "?before=MTc2NDMyMjIwMDAwMHxnYXpldHRlOjA", true, false, List.of(story, captionOnly)),
                new Case("token-in-links", "?token=t%2Bk%26n", true, true, List.of(story)),
                new Case("hub", "", false, true, List.of(story)),
                new Case("empty", "", false, false, List.of()),
                new Case("odd-characters", "", false, false, List.of(oddCharacters)),
                new Case("long-body", "", false, false, List.of(longBody)),
                new Case("same-times", "", false, false, sameTime),
                new Case("many", "", true, false, many));
    }
}
