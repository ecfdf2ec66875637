package dev.newsflow.enrich.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.cleanup.CaptionSimilarity.Fingerprint;
import dev.newsflow.text.ChromeFilter;
import dev.newsflow.text.TextNormalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of the clean-up's text handling give the answers of the plain code they replace:
 * word hashes count like string sets, the distinct-word lower bound never exceeds the count, the
 * case-insensitive marker search agrees with {@link String#regionMatches(boolean, int, String, int, int)},
 * the whitespace shortcut with the {@link Character} lookups, and the footer rules' first-word check
 * lets through every sentence the rules can match.
 */
class NormalisationShortcutsTest {
    private static final List<String> WORDS = List.of("ukraine", "president", "paris", "6", "2026", "a", "b",
            "élysée", "zelensky", "macron", "photo", "epa", "the", "of", "and", "x\uD835\uDC00", "ß", "ﬁ");

    @Test
    void wordHashesCountAndIntersectLikeStringSets() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 2_000; round++) {
            Fingerprint a = Fingerprint.of(randomText(random));
            Fingerprint b = Fingerprint.of(randomText(random));
            assertThat(a.distinctWords()).isEqualTo(a.tokens().size());
            assertThat(a.distinctWordsAtLeast()).isLessThanOrEqualTo(a.tokens().size());
            assertThat(Fingerprint.of(b.comparable()).distinctWordsAtLeast()).isLessThanOrEqualTo(b.tokens().size());
            assertThat(CaptionSimilarity.similarity(a, b)).isEqualTo(CaptionSimilarity.similarity(a.tokens(), b.tokens()));
        }
    }

    @Test
    void textsTooLongForWordOffsetsFallBackToStringSets() {
        String longText = "word ".repeat(20_000) + "other";
        Fingerprint a = Fingerprint.of(longText);
        Fingerprint b = Fingerprint.of("word other third");
        assertThat(a.hashes().exact()).isFalse();
        assertThat(a.distinctWords()).isEqualTo(2);
        assertThat(CaptionSimilarity.similarity(a, b)).isEqualTo(2.0 / 3.0);
    }

    @Test
    void markerSearchAgreesWithRegionMatchesOnUnicodeCaseFolds() {
        String[] markers = {"photo", "pictur", "image", "foto", "credit"};
        List<String> texts = List.of("IMAGE", "\u0130MAGE", "\u0130mage", "cred\u0130t", "PHOTO", "ph\u00F6to",
                "pictures", "PİCTUR", "fot", "Credit:", "caption ending in ph", "\u212Aimage", "ımage", "credıt");
        for (String text : texts) {
            boolean expected = false;
            for (int i = 0; i < text.length() && !expected; i++) {
                for (String marker : markers) {
                    if (Character.toLowerCase(text.charAt(i)) == marker.charAt(0) && text.charAt(i) < 0x80
                            && text.regionMatches(true, i, marker, 0, marker.length())) {
                        expected = true;
                    }
                }
            }
            assertThat(TextNormalizer.containsAnyIgnoreCase(text, markers)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void whitespaceShortcutAgreesWithCharacterLookupsForEveryChar() {
        for (int i = 0x80; i <= 0xFFFF; i++) {
            char c = (char) i;
            boolean expected = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
            assertThat(TextNormalizer.isSpace(c)).as("U+%04X", i).isEqualTo(expected);
        }
    }

    @Test
    void footerRulesSeeTheirSentencesButNotProseStartingWithALookalikeWord() {
        ChromeFilter chrome = new ChromeFilter();
        // The rules' first words are checked before the expressions run; these must still reach them.
        assertThat(chrome.classify("Use of this content without written permission is prohibited."))
                .contains("site footer (reproduction notice)");
        assertThat(chrome.classify("REPRODUCTIONS of this article are prohibited."))
                .contains("site footer (reproduction notice)");
        assertThat(chrome.classify("(c) 2026 Example Media. All rights reserved."))
                .contains("site footer (copyright notice, legal footer)");
        assertThat(chrome.classify("EDITOR-IN-CHIEF \u2014 Jane Doe. Privacy policy."))
                .contains("site footer (masthead credit, legal footer)");
        assertThat(chrome.classify("The Daily Example said it was prohibited.")).isEmpty();
        // prose whose first word merely starts like a rule's word is not a footer
        assertThat(chrome.classify("Users said the ban was prohibited.")).isEmpty();
        assertThat(chrome.classify("Useful as it was, copying was prohibited without permission.")).isEmpty();
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(40);
        for (int w = 0; w < words; w++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            text.append(random.nextBoolean() ? word : word.toUpperCase(java.util.Locale.ROOT))
                    .append(random.nextInt(5) == 0 ? ", " : " ");
        }
        return text.toString();
    }

    @Test
    void randomTextsIncludeNonAsciiWordsSoTheComparisonsAboveCoverThem() {
        Set<String> seen = new HashSet<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 50; i++) {
            seen.addAll(Fingerprint.of(randomText(random)).tokens());
        }
        assertThat(seen).contains("ukraine", "élysée");
    }
}
