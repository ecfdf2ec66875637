package dev.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

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
    }

    @Test
    void blankBecomesNullForOptionalFields() {
        assertThat(TextHygiene.cleanOrNull(" \u200B ")).isNull();
        assertThat(TextHygiene.cleanOrNull(null)).isNull();
    }
}
