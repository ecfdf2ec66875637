package dev.newsflow.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.ingest.Fixtures;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.schema.SourceFormat;
import org.junit.jupiter.api.Test;

class PlainTextNormaliserTest {
    private final PlainTextNormaliser normaliser = new PlainTextNormaliser(SectionLine.withDefaults());

    @Test
    void readsTheSeedShapeWithImageBlocksAsSubmittedAndWithoutChrome() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("text/harbour-summit.txt"));

        assertThat(draft.sourceFormat()).isEqualTo(SourceFormat.TEXT);
        assertThat(draft.section()).isEqualTo("News");
        assertThat(draft.category()).isEqualTo("Politics");
        assertThat(draft.headline())
                .isEqualTo("Nordic and Baltic leaders agree to pool coastguard patrols after undersea cable damage");
        assertThat(draft.images()).hasSize(2).allSatisfy(image -> {
            assertThat(image.caption()).startsWith("Finland’s Prime Minister Aino Lehtonen").endsWith("14 March 2026.");
            assertThat(image.credit()).isEqualTo("Photo: EPA / Kaja Tamm");
        });
        assertThat(draft.images().get(0)).isEqualTo(draft.images().get(1));
        assertThat(draft.body()).hasSize(5);
        assertThat(draft.body().get(0)).startsWith("Leaders of eight Nordic and Baltic states");
        assertThat(draft.body().get(4)).endsWith("a spokesperson told NORDFEED.");
        assertThat(String.join("\n", draft.body()))
                .doesNotContain("shareprint", "Editor in chief", "Terms of use", "Privacy policy", "Photo:");
    }

    @Test
    void readsEveryCommonCreditFormBylinesAndDropsTeasersAndFooters() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("text/credit-forms.txt"));

        assertThat(draft.section()).isEqualTo("Sport");
        assertThat(draft.category()).isNull();
        assertThat(draft.headline()).isEqualTo("Underdogs stun champions in a rain-soaked cup final");
        assertThat(draft.byline()).isEqualTo("Maria Fernandes");
        assertThat(draft.images()).extracting(DraftImage::credit).containsExactly(
                "(Photo by Leo Marsh/Agence Sud)", "AP Photo/Jonas Berg", "Reuters/Ana Lopes", "Photo: Peter Olsen / AFP");
        assertThat(draft.images()).extracting(DraftImage::caption).containsExactly(
                "Captain Tomás Reyes lifts the trophy in front of the travelling fans.",
                "The home side’s goalkeeper dives in vain during the penalty shoot-out.",
                "Supporters celebrate on the main square after the final whistle.",
                "A groundsman clears standing water from the pitch before kick-off.");
        assertThat(draft.body()).containsExactly(
                "Rain delayed the kick-off by forty minutes, and by half-time the pitch had turned to mud. "
                        + "The underdogs adapted first, keeping the ball in the air and pressing high.",
                "The champions equalised late through a deflected free kick, but lost the shoot-out 4-3 when "
                        + "their captain hit the bar.");
    }

    @Test
    void withoutASectionLineTheFirstParagraphIsTheHeadline() {
        ArticleDraft draft = normaliser.normalise(Fixtures.read("text/no-section.txt"));

        assertThat(draft.section()).isNull();
        assertThat(draft.headline()).isEqualTo("City council approves new night-bus routes");
        assertThat(draft.body()).hasSize(2);
        assertThat(draft.images()).isEmpty();
    }

    @Test
    void anEmptyDocumentHasNoHeadline() {
        assertThatThrownBy(() -> normaliser.normalise("\n\n  \nshareprint\n"))
                .isInstanceOf(InvalidArticleException.class)
                .satisfies(e -> assertThat(((InvalidArticleException) e).field()).isEqualTo("headline"));
    }

    @Test
    void windowsLineEndingsAndControlCharactersAreHandled() {
        ArticleDraft draft = normaliser.normalise("NewsWorld\r\n\r\nHead\u0007line here\r\n\r\nBody\u0000 text.\r\n");

        assertThat(draft.section()).isEqualTo("News");
        assertThat(draft.category()).isEqualTo("World");
        assertThat(draft.headline()).isEqualTo("Headline here");
        assertThat(draft.body()).containsExactly("Body text.");
    }

    @Test
    void hardWrappedParagraphsWithWindowsLineBreaksStayWhole() {
        String unix = "NewsWorld\n\nA headline that\nwraps\n\nFirst paragraph, wrapped\nonto a second line.\n\nSecond.\n";
        ArticleDraft windows = normaliser.normalise(unix.replace("\n", "\r\n"));
        ArticleDraft oldMac = normaliser.normalise(unix.replace("\n", "\r"));

        assertThat(windows.headline()).isEqualTo("A headline that wraps");
        assertThat(windows.body()).containsExactly("First paragraph, wrapped onto a second line.", "Second.");
        assertThat(windows).isEqualTo(normaliser.normalise(unix)).isEqualTo(oldMac);
    }

    @Test
    void aLineOfNoBreakSpacesOrAParagraphSeparatorEndsAParagraph() {
        ArticleDraft draft = normaliser.normalise("Storm closes the harbour\n\u00a0\u00a0\nOne.\u2029Two.\nstill two.");

        assertThat(draft.headline()).isEqualTo("Storm closes the harbour");
        assertThat(draft.body()).containsExactly("One.", "Two. still two.");
    }
}
