package dev.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class TextHygieneTest {
    @Test
    void normalisesToNfc() {
        assertThat(TextHygiene.clean("E\u0301lyse\u0301e")).isEqualTo("\u00C9lys\u00E9e");
    }

    @Test
    void removesXmlIllegalCharactersAndUnpairedSurrogates() {
        assertThat(TextHygiene.clean("a\u0000b\u0007c\u001Fd\uFFFEe\uD800f")).isEqualTo("abcdef");
        assertThat(TextHygiene.clean("emoji \uD83D\uDE00 kept")).isEqualTo("emoji \uD83D\uDE00 kept");
    }

    @Test
    void collapsesWhitespaceAndRemovesInvisibles() {
        assertThat(TextHygiene.clean("  one\u00A0 two\n\tthree\u200B\u2028four ")).isEqualTo("one two three four");
    }

    @Test
    void stripsMarkupAndDecodesEntities() {
        assertThat(TextHygiene.clean("<p>Macron &amp; <b>Starmer</b></p><script>alert(1)</script>"))
                .isEqualTo("Macron & Starmer");
        assertThat(TextHygiene.clean("prices rose 3 < 5 and a > b")).isEqualTo("prices rose 3 < 5 and a > b");
        assertThat(TextHygiene.clean("Tom &amp; Jerry &#8212; again")).isEqualTo("Tom & Jerry \u2014 again");
    }

    @Test
    void blankBecomesNullForOptionalFields() {
        assertThat(TextHygiene.cleanOrNull(" \u200B ")).isNull();
        assertThat(TextHygiene.cleanOrNull(null)).isNull();
    }

    /** Every single character the shortcut takes, between two letters, is left as it is by every step. */
    @Test
    void everyCharacterTheShortcutTakesIsLeftAloneByEveryStep() {
        List<String> changed = new ArrayList<>();
        int taken = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "x" + c + "y";
            if (TextHygiene.alreadyClean(text)) {
                taken++;
                if (!TextHygiene.cleanFully(text).equals(text)) {
                    changed.add(Integer.toHexString(c));
                }
            }
        }
        assertThat(changed).isEmpty();
        assertThat(taken).isGreaterThan(700);
    }

    /** No two of those characters compose under NFC (a composition needs a combining mark, which it does not take). */
    @Test
    void noTwoCharactersTheShortcutTakesComposeUnderNfc() {
        StringBuilder alphabet = new StringBuilder();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (c != ' ' && TextHygiene.alreadyClean(String.valueOf(c))) {
                alphabet.append(c);
            }
        }
        List<String> composed = new ArrayList<>();
        char[] pair = new char[2];
        for (int a = 0; a < alphabet.length(); a++) {
            for (int b = 0; b < alphabet.length(); b++) {
                pair[0] = alphabet.charAt(a);
                pair[1] = alphabet.charAt(b);
                if (!Normalizer.isNormalized(new String(pair), Normalizer.Form.NFC)) {
                    composed.add(new String(pair));
                }
            }
        }
        assertThat(composed).isEmpty();
    }

    /** On lines mixing plain text with what each step changes, the shortcut never changes the result. */
    @Property(tries = 5_000)
    void theShortcutGivesWhatEveryStepGives(@ForAll("lines") String text) {
        boolean shortcut = TextHygiene.alreadyClean(text);
        Statistics.label("already clean").collect(shortcut);
        assertThat(TextHygiene.clean(text)).isEqualTo(TextHygiene.cleanFully(text));
        Statistics.label("already clean").coverage(c -> c.check(true).percentage(p -> p > 10));
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<Character> plain = Arbitraries.chars().with("abcXYZ019.,;:!?'\"()-/>\u00e9\u00c5\u00df\u2013\u2019\u201c\u2026");
        Arbitrary<Character> edges = Arbitraries.chars().with("\t\n\r\u0000\u0007\u007f\u0085\u00a0\u00ad<&\u0300\u0301"
                + "\u0344\u037e\u2000\u2028\u2029\u200b\u200d\u2060\ufeff\ufffe\ud800\udc00\u212b\u3000");
        Arbitrary<Character> any = Arbitraries.chars().range('\u0080', '\u30ff');
        Arbitrary<Character> character = Arbitraries.frequencyOf(Tuple.of(40, plain), Tuple.of(6, Arbitraries.just(' ')),
                Tuple.of(1, edges), Tuple.of(1, any));
        return character.list().ofMaxSize(40).map(cs -> {
            StringBuilder line = new StringBuilder();
            cs.forEach(line::append);
            return line.toString();
        });
    }
}
