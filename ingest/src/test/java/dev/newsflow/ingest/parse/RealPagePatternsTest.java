package dev.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.article.DraftRemoval;
import dev.newsflow.ingest.text.LanguageDetector;
import dev.newsflow.platform.article.CleanupReportBound;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Patterns of real article pages that were refused or misread (issue 16: of 181 real pages, 9 were refused for what a
 * page legitimately contains). Each page here is written for the test and reproduces one pattern; the real pages are
 * the extraction-dev set, scored by {@code tools/extraction/score_extraction.py} (BENCHMARKS.md). Read through
 * {@link Normalisers}, as the API and {@code enrich-file} read a page: validation included.
 */
class RealPagePatternsTest {
    private final Normalisers normalisers = new Normalisers(SectionLine.withDefaults(), LanguageDetector.none());

    private ArticleDraft read(String html) {
        return normalisers.normalise("text/html", html);
    }

    private static final String STORY = """
            <p>The harbour authority opened its new ferry terminal on Friday, two years later than planned and
            at almost twice the budget approved by the city council in 2021.</p>
            <p>Passengers will board from a glass hall on the east quay, where the old fish market stood, and the
            first crossings to the islands leave at six in the morning.</p>
            <p>Local traders said the delays had cost them a season of visitors, but welcomed the longer
            opening hours the terminal brings.</p>
            """;

    @Test
    void aLazyLoadPlaceholderIsNotThePictureTheLazyLoadAttributesAre() {
        ArticleDraft draft = read("""
                <html><head><link rel="canonical" href="https://harbour.example/news/terminal"></head><body>
                <article><h1>New ferry terminal opens two years late</h1>
                <figure><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
                     data-src="/img/terminal.jpg" alt="">
                <figcaption>The glass hall of the new terminal. Photo: Ana Ruiz</figcaption></figure>
                <figure><img src="data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E"
                     data-srcset="https://harbour.example/img/quay-640.jpg 640w, https://harbour.example/img/quay-1280.jpg 1280w">
                <figcaption>The east quay at dawn. Photo: Ana Ruiz</figcaption></figure>
                """ + STORY + "</article></body></html>");

        assertThat(draft.images()).extracting(DraftImage::url).containsExactly(
                "https://harbour.example/img/terminal.jpg", "https://harbour.example/img/quay-640.jpg");
        assertThat(draft.body()).hasSize(3);
    }

    @Test
    void aPlaceholderWithNoRealSourceLeavesTheImageWithoutAddressNotTheArticleRefused() {
        ArticleDraft draft = read("""
                <html><body><article><h1>New ferry terminal opens two years late</h1>
                <figure><img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">
                <figcaption>The glass hall of the new terminal. Photo: Ana Ruiz</figcaption></figure>
                <figure><img src="https://harbour.example/img/a|b c.jpg">
                <figcaption>A URL with characters a URI may not hold. Photo: Ana Ruiz</figcaption></figure>
                """ + STORY + "</article></body></html>");

        assertThat(draft.images()).extracting(DraftImage::url)
                .containsExactly(null, "https://harbour.example/img/a%7Cb%20c.jpg");
        assertThat(draft.images().get(0).caption()).startsWith("The glass hall");
        assertThat(draft.body()).hasSize(3);
    }

    @Test
    void aPageWithoutArticleOrParagraphMarkupIsReadFromWhereItsProseIs() {
        // Div soup: no <article>, <main> or <p>; the story is the box whose text reads as prose.
        ArticleDraft draft = read("""
                <html><head><title>Ferry terminal opens | Harbour Post</title></head><body>
                <div class="top"><div><a href="/">Home</a></div><div><a href="/news">News</a></div>
                  <div><a href="/sport">Sport</a></div></div>
                <div class="wrap"><div class="col-a">
                  <div class="x1">The harbour authority opened its new ferry terminal on Friday, two years later than
                  planned and at almost twice the budget approved by the city council in 2021.</div>
                  <div class="x1">Passengers will board from a glass hall on the east quay, where the old fish market
                  stood, and the first crossings to the islands leave at six in the morning.</div>
                  <div class="x1">Local traders said the delays had cost them a season of visitors, but welcomed the
                  longer opening hours the terminal brings.</div>
                </div>
                <div class="col-b"><div><a href="/1">Storm closes bridge</a></div><div><a href="/2">Zoo otters</a></div>
                </div></div></body></html>""");

        assertThat(draft.body()).hasSize(3).first().asString().startsWith("The harbour authority");
        assertThat(String.join(" ", draft.body())).doesNotContain("Storm closes bridge", "Home");
    }

    @Test
    void theJsonLdArticleBodyIsTheBodyWhenTheMarkupHoldsLittleOfTheStory() {
        // A page whose paragraphs are rendered by script: the markup holds a teaser, the JSON-LD the story.
        ArticleDraft draft = read("""
                <html><head><script type="application/ld+json">
                {"@type": "NewsArticle", "headline": "New ferry terminal opens two years late",
                 "articleBody": "The harbour authority opened its new ferry terminal on Friday, two years later than planned and at almost twice the budget approved by the city council in 2021.\\nPassengers will board from a glass hall on the east quay, where the old fish market stood, and the first crossings to the islands leave at six in the morning.\\nLocal traders said the delays had cost them a season of visitors."}
                </script></head><body><div id="app"><h1>New ferry terminal opens two years late</h1>
                <p>The harbour authority opened its new ferry terminal on Friday.</p></div></body></html>""");

        assertThat(draft.body()).hasSize(3);
        assertThat(draft.body().get(2)).isEqualTo("Local traders said the delays had cost them a season of visitors.");
        assertThat(draft.removals()).extracting(DraftRemoval::kind).contains(DraftRemoval.REPLACED_BY_LINKED_DATA);
    }

    @Test
    void aStoryPrintedInNoscriptForReadersWithoutScriptIsRead() {
        // A blog whose post body is rendered from a script template, and printed again in <noscript>.
        ArticleDraft draft = read("<html><body><div class=\"post\"><h1>New ferry terminal opens two years late</h1>"
                + "<div itemprop=\"articleBody\"><script type=\"text/template\">" + STORY + "</script>"
                + "<noscript>" + STORY + "</noscript></div></div>"
                + "<noscript><img src=\"https://track.example/pixel.gif\"> Please enable JavaScript.</noscript>"
                + "</body></html>");

        assertThat(draft.body()).hasSize(3).first().asString().startsWith("The harbour authority");
    }

    @Test
    void anAuthorBoxWithABiographyIsNotTheBylineAndDoesNotRefuseThePage() {
        String biography = "Ana Ruiz has covered the harbour for the Post since 2009. ".repeat(30);
        ArticleDraft draft = read("<html><body><article><h1>New ferry terminal opens two years late</h1>"
                + "<div class=\"author\">" + biography + "</div>" + STORY + "</article></body></html>");

        assertThat(draft.byline()).isNull();
        assertThat(draft.body()).anySatisfy(paragraph -> assertThat(paragraph).startsWith("The harbour authority"));
    }

    @Test
    void everythingLeftOutOfThePageIsListedWithWhy() {
        ArticleDraft draft = read("""
                <html><body>
                <header class="masthead"><a href="/">Harbour Post</a> <a href="/news">News</a></header>
                <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
                <main><article><h1>New ferry terminal opens two years late</h1>
                <span class="kicker">Transport</span>
                """ + STORY + """
                <p>Read more</p>
                <div class="newsletter-box"><p>Sign up for our morning briefing and get the news first.</p></div>
                <p><a href="/a">Storm closes the bridge</a> <a href="/b">Otters at the zoo</a></p>
                </article></main>
                <footer><p>Harbour Post, 1 Quay Street. All rights reserved.</p></footer>
                </body></html>""");

        assertThat(draft.body()).hasSize(3);
        assertThat(draft.removals()).extracting(DraftRemoval::kind, DraftRemoval::text).contains(
                org.assertj.core.groups.Tuple.tuple(DraftRemoval.CHROME, "Harbour Post News"),
                org.assertj.core.groups.Tuple.tuple(DraftRemoval.CHROME, "Home Sport"),
                org.assertj.core.groups.Tuple.tuple(DraftRemoval.LABEL, "Transport"),
                org.assertj.core.groups.Tuple.tuple(DraftRemoval.CHROME, "Read more"),
                org.assertj.core.groups.Tuple.tuple(DraftRemoval.CHROME,
                        "Sign up for our morning briefing and get the news first."),
                org.assertj.core.groups.Tuple.tuple(DraftRemoval.LINK_LIST, "Storm closes the bridge Otters at the zoo"),
                org.assertj.core.groups.Tuple.tuple(DraftRemoval.CHROME,
                        "Harbour Post, 1 Quay Street. All rights reserved."));
        assertThat(draft.removals()).allSatisfy(removal -> assertThat(removal.reason()).isNotBlank());
        assertThat(draft.removals()).filteredOn(r -> r.text().equals("Home Sport"))
                .extracting(DraftRemoval::reason).containsExactly("<nav> is never the story");
    }

    @Test
    void aPageOfThousandsOfRemovedBoxesListsTheFirstAndCountsTheRest() {
        StringBuilder page = new StringBuilder("<html><body>");
        for (int i = 0; i < 5_000; i++) {
            page.append("<div class=\"promo\">Offer ").append(i).append("</div>");
        }
        page.append("<article><h1>New ferry terminal opens two years late</h1>").append(STORY)
                .append("</article></body></html>");
        ArticleDraft draft = read(page.toString());

        List<DraftRemoval> removals = draft.removals();
        assertThat(removals).hasSize(CleanupReportBound.MAX_REMOVALS + 1);
        assertThat(removals.get(removals.size() - 1).kind()).isEqualTo(CleanupReportBound.UNLISTED);
        assertThat(removals.get(removals.size() - 1).reason()).startsWith("4900 more removals are not listed");
    }
}
