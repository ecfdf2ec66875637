package dev.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.ingest.Fixtures;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.schema.SourceFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlNormaliserTest {
    private final HtmlNormaliser normaliser = new HtmlNormaliser();

    @Test
    void readsASemanticArticlePage() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("html/coastal-daily-article.html"));

        assertThat(draft.sourceFormat()).isEqualTo(SourceFormat.HTML);
        assertThat(draft.headline()).isEqualTo("Baltic states pool coastguard patrols after cable damage");
        assertThat(draft.canonicalUrl()).isEqualTo("https://coastal-daily.example/news/2026/03/14/baltic-patrols");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2026-03-14T15:05:00Z"));
        assertThat(draft.byline()).isEqualTo("Liisa Saar");
        assertThat(draft.section()).isEqualTo("News");
        assertThat(draft.language()).isEqualTo("en");
        assertThat(draft.keywords()).containsExactly("Baltic Sea", "coastguard", "undersea cables");
        assertThat(draft.images()).containsExactly(new DraftImage(
                "Leaders walk along the quay in Tallinn harbour after signing the pact.", "Photo: EPA / Kaja Tamm",
                "https://coastal-daily.example/img/2026/03/quay.jpg"));
        assertThat(draft.body()).hasSize(4);
        assertThat(String.join(" ", draft.body())).doesNotContain("Related", "Second cable cut", "Sign up",
                "Read more", "About time", "Share", "Editor in chief", "cookies");
    }

    @Test
    void findsTheStoryInDivSoupAndFallsBackToOgTitle() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("html/div-soup-article.html"));

        assertThat(draft.headline()).isEqualTo("Council approves four night-bus routes");
        assertThat(draft.body()).hasSize(4).first().asString().startsWith("The city council voted 31 to 12");
        assertThat(String.join(" ", draft.body())).doesNotContain("Most read", "Advertisement", "Tags", "Share");
    }

    @Test
    void figuresBecomeImageBlocksWithCreditsInAnyForm() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("html/live-sport-article.html"));

        assertThat(draft.headline()).isEqualTo("Underdogs stun champions in a rain-soaked cup final");
        assertThat(draft.byline()).isEqualTo("Maria Fernandes");
        assertThat(draft.canonicalUrl()).isEqualTo("https://sport.example/football/cup-final-2026");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2026-03-15T21:30:00Z"));
        assertThat(draft.images()).containsExactly(
                new DraftImage("Captain Tomás Reyes lifts the trophy in front of the travelling fans.",
                        "(Photo by Leo Marsh/Agence Sud)", "https://sport.example/img/trophy.jpg"),
                new DraftImage("Supporters celebrate on the main square after the final whistle.", "Reuters/Ana Lopes",
                        "https://sport.example/img/fans.jpg"));
        assertThat(draft.body()).contains("Late drama")
                .doesNotContain("Facebook", "WhatsApp", "Load comments", "Transfer window: the deals that matter");
    }

    @Test
    void jsonLdFillsMetadataTheMarkupLacks() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("html/json-ld-article.html"));

        assertThat(draft.headline()).isEqualTo("Ferry operator orders two electric ships");
        assertThat(draft.byline()).isEqualTo("Jonas Berg, Ana Lopes");
        assertThat(draft.publishedAt()).isEqualTo(Instant.parse("2026-05-04T05:30:00Z"));
        assertThat(draft.canonicalUrl()).isEqualTo("https://regional.example/business/electric-ferries");
        assertThat(draft.section()).isEqualTo("Business");
        assertThat(draft.language()).isEqualTo("en");
        assertThat(draft.body()).hasSize(2);
    }

    @Test
    void aPageWrappedInOneFormStillHasItsStory() {
        ArticleDraft draft = normaliser.normalise("<html><body><form id=\"aspnetForm\" method=\"post\">"
                + "<input type=\"hidden\" name=\"__VIEWSTATE\" value=\"x\"><div class=\"page\"><article>"
                + "<h1>Tram line extended</h1><p>The tram line will reach the airport by 2028, the city said.</p>"
                + "</article></div></form></body></html>");
        assertThat(draft.headline()).isEqualTo("Tram line extended");
        assertThat(draft.body()).containsExactly("The tram line will reach the airport by 2028, the city said.");
    }

    @Test
    void aPageWithoutTextHasNoBody() {
        ArticleDraft draft = normaliser.normalise("<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>");
        assertThat(draft.headline()).isEqualTo("Empty");
        assertThat(draft.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<figure>", "<div>", "<ul><li>", "<blockquote>", "<figure><figcaption>", "<div><p>x"})
    void aPageNestedDeeperThanTheLimitIsRefusedNamingTheLimit(String opening) {
        String page = "<html><body><h1>Deep</h1>" + opening.repeat(10_000) + "<p>The story.</p></body></html>";
        assertThatThrownBy(() -> normaliser.normalise(page)).isInstanceOfSatisfying(InvalidArticleException.class,
                refused -> {
                    assertThat(refused.field()).isEqualTo("body");
                    assertThat(refused.getMessage()).contains("the limit is " + HtmlLimits.DEFAULT_MAX_DEPTH);
                });
    }

    @Test
    void bodyHtmlInJsonHasTheSameDepthLimit() {
        String json = "{\"headline\":\"Deep\",\"bodyHtml\":\"" + "<blockquote>".repeat(10_000) + "<p>x</p>\"}";
        assertThatThrownBy(() -> new JsonNormaliser().normalise(json))
                .isInstanceOfSatisfying(InvalidArticleException.class,
                        refused -> assertThat(refused.getMessage()).contains("the limit is 256"));
    }

    @Test
    void aPageJustWithinTheDepthLimitIsRead() {
        int depth = HtmlLimits.DEFAULT_MAX_DEPTH - 2;
        String page = "<html><body><h1>Nested</h1>" + "<div>".repeat(depth) + "<p>The story is deep in the page.</p>"
                + "</div>".repeat(depth) + "</body></html>";
        assertThat(normaliser.normalise(page).body()).containsExactly("The story is deep in the page.");
    }

    @Test
    void readingStopsWhenTheTimeBudgetIsSpentAndSaysWhy() {
        // A clock that moves a millisecond per look: the 100 ms budget runs out after a few hundred steps.
        AtomicLong nanos = new AtomicLong();
        HtmlNormaliser slow = new HtmlNormaliser(new HtmlLimits(256, Duration.ofMillis(100)),
                () -> nanos.addAndGet(1_000_000));
        String page = "<html><body><article><h1>Long</h1>" + "<p>A paragraph of the story.</p>".repeat(100_000)
                + "</article></body></html>";
        assertThatThrownBy(() -> slow.normalise(page)).isInstanceOfSatisfying(InvalidArticleException.class,
                refused -> {
                    assertThat(refused.field()).isEqualTo("body");
                    assertThat(refused.getMessage()).contains("time budget of 100 ms");
                });
    }

    /**
     * Shapes that took seconds to minutes when every element searched its ancestors or subtree, or every removal
     * shifted its siblings: each near the 2 MiB body limit. With the default budget (1 s of CPU) a quadratic step
     * would refuse them; read linearly they are well inside it. BENCHMARKS.md has the times.
     */
    @ParameterizedTest
    @ValueSource(strings = {"<script>x</script>", "<div class=\"share\">x</div>", "<div><p>One more short paragraph.</p></div>",
            "words in a table cell, separated by line breaks only, as old sites do<br>", "<figure><img src=\"a.jpg\"></figure>"})
    void wideAdversarialPagesAreReadWithinTheBudget(String piece) {
        String page = "<html><body><h1>Wide</h1><table><tr><td><article>" + piece.repeat(2_000_000 / piece.length())
                + "<p>The one real paragraph of this page, long enough to be the story.</p></article></td></tr>"
                + "</table></body></html>";
        assertThat(normaliser.normalise(page).headline()).isEqualTo("Wide");
    }

    /** The own-text lengths that decide what holds the story are those of jsoup's text, on any mix of whitespace. */
    @Property(tries = 3_000)
    void normalisedLengthIsTheLengthOfJsoupsText(@ForAll("textNodes") String text) {
        assertThat(HtmlNormaliser.normalisedLength(text)).isEqualTo(new TextNode(text).text().length());
    }

    @Provide
    Arbitrary<String> textNodes() {
        return Arbitraries.strings().withChars("ab \t\n\f\r\u00a0\u000b\u2003\u200b\u00ad\u3000\ud83d\ude00\ud800\udc00")
                .ofMaxLength(30);
    }
}
