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

    @Test
    void charactersTakenAsStableAreLeftAsTheyAreByNfkcAloneAndBesideEveryAsciiCharacter() {
        for (char c = 0x80; c < 0xFFFF; c++) {
            if (!TextNormalizer.nfkcStable(c)) {
                continue;
            }
            String alone = String.valueOf(c);
            assertThat(Normalizer.normalize(alone, Normalizer.Form.NFKC)).as("U+%04X", (int) c).isEqualTo(alone);
            for (char a = 0; a < 0x80; a++) {
                String pair = "" + a + c + a;
                assertThat(Normalizer.isNormalized(pair, Normalizer.Form.NFKC)).as("U+%04X beside %d", (int) c, (int) a)
                        .isTrue();
            }
        }
    }

    @Test
    void textWithAnyOtherCharacterIsNormalised() {
        assertThat(TextNormalizer.nfkcMayChange("“Kyiv’s” – café")).isFalse();
        assertThat(TextNormalizer.nfkcMayChange("ﬁnal")).isTrue();
        assertThat(TextNormalizer.nfkcMayChange("cafe\u0301")).isTrue();
        assertThat(TextNormalizer.nfkcMayChange("10\u00A0km")).isTrue();
        assertThat(TextNormalizer.nfkcMayChange("wait…")).isTrue();
        assertThat(TextNormalizer.comparable("ﬁnal “Kyiv’s”")).isEqualTo("final kyivs");
        assertThat(TextNormalizer.comparable("Caf\u00E9")).isEqualTo(TextNormalizer.comparable("Cafe\u0301"));
    }
}
