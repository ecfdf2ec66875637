package dev.newsflow.enrich.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written normaliser against plain regular-expression definitions of the same thing, on
 * generated text made of the characters that matter: letters, accents, digits, quotes,
 * punctuation and every kind of space a scraper leaves (fixed seed, so failures reproduce).
 */
class TextNormalizerTest {
    private static final String ALPHABET = "abcdeZ\u00E9\u00C9\uFB011 .,;'\u2019\u2018\u201C\u201D-\u2014"
            + "\u00A0\u2009\u200B\uFEFF\t\n\r";

    private static List<String> samples() {
        Random random = new Random(20260303L);
        List<String> samples = new ArrayList<>(List.of("", " ", "a", " a ", "a  b", "\u00A0", "Ukraine\u2019s"));
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            samples.add(text.toString());
        }
        return samples;
    }

    @Test
    void tidyIsTheRegularExpressionDefinitionAndIdempotent() {
        for (String text : samples()) {
            String tidy = TextNormalizer.tidy(text);
            assertThat(tidy).as("tidy(%s)", text).isEqualTo(text.replaceAll("[\\s\\p{Z}\\u200B\\uFEFF]+", " ").trim());
            assertThat(TextNormalizer.tidy(tidy)).isSameAs(tidy);
        }
    }

    @Test
    void comparableIsTheRegularExpressionDefinitionAndIdempotent() {
        for (String text : samples()) {
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
    void tokenSetsAndSimilarityAreSymmetric() {
        List<String> samples = samples();
        for (int i = 0; i + 1 < samples.size(); i += 2) {
            double ab = CaptionSimilarity.similarity(samples.get(i), samples.get(i + 1));
            assertThat(ab).isEqualTo(CaptionSimilarity.similarity(samples.get(i + 1), samples.get(i)))
                    .isBetween(0.0, 1.0);
        }
        assertThat(TextNormalizer.tokenSet("a b a, B!")).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void findsAnyWordIgnoringCase() {
        assertThat(TextNormalizer.containsAnyIgnoreCase("Leaders met. PHOTO: EPA", "credit", "photo")).isTrue();
        assertThat(TextNormalizer.containsAnyIgnoreCase("Leaders met.", "credit", "photo")).isFalse();
        assertThat(TextNormalizer.containsAnyIgnoreCase("phot", "photo")).isFalse();
    }
}
