package dev.newsflow.enrich.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.EnrichConfig;
import dev.newsflow.text.TextSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the default threshold between pairs that are one caption printed twice and pairs that are
 * different captions of the same scene. Every same-caption pair must score at or above the
 * threshold and every different pair below it.
 */
class CaptionSimilarityTest {
    private static final String BASE = "Ukraine's President Volodymyr Zelensky, France's President Emmanuel Macron "
            + "and Britain's Prime Minister Keir Starmer shake hands after signing a declaration on deploying troops "
            + "to Ukraine, at the Elysee Palace in Paris, France, 6 January 2026.";

    private static final List<String> SAME_CAPTION = List.of(
            BASE.replace("6 January 2026", "January 6, 2026"),
            BASE.replace("Ukraine's", "Ukraine\u2019s").replace("Elysee", "\u00C9lys\u00E9e").toUpperCase(),
            BASE + " Photo: EPA / Ludovic Marin",
            BASE.replace("shake hands", "shake hands warmly"),
            BASE.replace(", at the Elysee Palace", " at the Elysee Palace"),
            "Volodymyr Zelensky, Emmanuel Macron and Keir Starmer shake hands after signing a declaration on "
                    + "deploying troops to Ukraine, at the Elysee Palace in Paris, France, 6 January 2026.");

    private static final List<String> DIFFERENT_CAPTION = List.of(
            "France's President Emmanuel Macron welcomes Ukraine's President Volodymyr Zelensky on the steps of "
                    + "the Elysee Palace in Paris, France, 6 January 2026.",
            "Britain's Prime Minister Keir Starmer speaks to reporters after the summit in Paris, 6 January 2026.",
            "Leaders of the Coalition of the Willing pose for a family photo at the Elysee Palace in Paris.",
            "Ukraine's President Volodymyr Zelensky and US envoy Steve Witkoff meet in Paris, France, 6 January 2026.");

    @Test
    void defaultThresholdSeparatesReprintsFromOtherCaptionsOfTheSameScene() {
        CaptionSimilarity similarity = new CaptionSimilarity(EnrichConfig.DEFAULT_CAPTION_SIMILARITY_THRESHOLD);
        for (String reprint : SAME_CAPTION) {
            assertThat(similarity.compare(BASE, reprint).same()).as("same caption: %s (%.2f)", reprint,
                    CaptionSimilarity.similarity(BASE, reprint)).isTrue();
        }
        for (String other : DIFFERENT_CAPTION) {
            assertThat(similarity.compare(BASE, other).same()).as("different caption: %s (%.2f)", other,
                    CaptionSimilarity.similarity(BASE, other)).isFalse();
        }
    }

    @Test
    void identicalAfterNormalisationIsSaidSo() {
        CaptionSimilarity similarity = new CaptionSimilarity(0.8);
        CaptionSimilarity.Match match = similarity.compare("  Leaders   meet in \u201CParis\u201D. ",
                "leaders meet in \"Paris\"");
        assertThat(match.same()).isTrue();
        assertThat(match.reason()).isEqualTo("identical after normalisation");
    }

    @Test
    void shortCaptionsMustMatchExactly() {
        CaptionSimilarity similarity = new CaptionSimilarity(0.5);
        assertThat(similarity.compare("Zelensky in Paris", "Zelensky in Kyiv").same()).isFalse();
        assertThat(similarity.compare("Zelensky in Paris", "ZELENSKY in Paris!").same()).isTrue();
    }

    @Test
    void aParagraphThatMerelyContainsTheCaptionIsNotTheCaption() {
        CaptionSimilarity similarity = new CaptionSimilarity(0.8);
        String paragraph = "Officials said the moment when " + BASE + " was planned days in advance, and that "
                + "the wording of the declaration had been agreed overnight by negotiators from 26 countries.";
        assertThat(similarity.compare(BASE, paragraph).same()).isFalse();
    }

    /** Was a case of TextNormalizerTest before the text module: the same strings, the same check. */
    @Test
    void similarityIsSymmetricAndBetweenZeroAndOne() {
        List<String> samples = TextSamples.random();
        for (int i = 0; i + 1 < samples.size(); i += 2) {
            double ab = CaptionSimilarity.similarity(samples.get(i), samples.get(i + 1));
            assertThat(ab).isEqualTo(CaptionSimilarity.similarity(samples.get(i + 1), samples.get(i)))
                    .isBetween(0.0, 1.0);
        }
    }

    @Test
    void jaccardOfTokenSets() {
        assertThat(CaptionSimilarity.similarity("a b c d", "b c d e")).isEqualTo(3.0 / 5.0);
        assertThat(CaptionSimilarity.similarity("", "a")).isZero();
    }
}
