package dev.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.ingest.Fixtures;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.schema.SourceFormat;
import java.time.Instant;
import org.junit.jupiter.api.Test;

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
}
