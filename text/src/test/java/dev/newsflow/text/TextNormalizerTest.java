package dev.newsflow.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The hand-written normaliser against plain regular-expression definitions of the same thing, on
 * generated text made of the characters that matter: letters, accents, digits, quotes,
 * punctuation and every kind of space a scraper leaves (fixed seed, so failures reproduce).
 */
class TextNormalizerTest {
    @Test
    void tidyIsTheRegularExpressionDefinitionAndIdempotent() {
        for (String text : TextSamples.random()) {
            String tidy = TextNormalizer.tidy(text);
            assertThat(tidy).as("tidy(%s)", text).isEqualTo(text.replaceAll("[\\s\\p{Z}\\u200B\\uFEFF]+", " ").trim());
            assertThat(TextNormalizer.tidy(tidy)).isSameAs(tidy);
        }
    }

    @Test
    void comparableIsTheRegularExpressionDefinitionAndIdempotent() {
        for (String text : TextSamples.random()) {
            String reference = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                    .replaceAll("['\u2019\u2018\u02BC]", "")
                    .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
            String comparable = TextNormalizer.comparable(text);
            assertThat(comparable).as("comparable(%s)", text).isEqualTo(reference);
            assertThat(TextNormalizer.comparable(comparable)).isEqualTo(comparable);
        }
    }

    @Test
    void comparableIgnoresCaseSpacingAndQuoteStyle() {
        assertThat(TextNormalizer.comparable("  Ukraine\u2019s  \u201CPRESIDENT\u201D,\u00A0Zelensky. "))
                .isEqualTo(TextNormalizer.comparable("ukraine's \"president\" zelensky"))
                .isEqualTo("ukraines president zelensky");
    }

    @Test
    void tokenSetsIgnoreCaseRepeatsAndPunctuation() {
        assertThat(TextNormalizer.tokenSet("a b a, B!")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void findsAnyWordIgnoringCase() {
        assertThat(TextNormalizer.containsAnyIgnoreCase("Leaders met. PHOTO: EPA", "credit", "photo")).isTrue();
        assertThat(TextNormalizer.containsAnyIgnoreCase("Leaders met.", "credit", "photo")).isFalse();
        assertThat(TextNormalizer.containsAnyIgnoreCase("phot", "photo")).isFalse();
    }
}
