package dev.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParagraphsTest {
    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r", "\u000B", "\f", "\u0085", "\u2028"})
    void everyLineBreakCutsALineAndCrLfIsOne(String lineBreak) {
        assertThat(Paragraphs.lines("one" + lineBreak + "two" + lineBreak + lineBreak + "three" + lineBreak))
                .containsExactly("one", "two", "", "three");
    }

    @Test
    void aLoneCarriageReturnBeforeALineFeedIsNotTwoBreaks() {
        assertThat(Paragraphs.lines("a\r\n\r\nb")).containsExactly("a", "", "b");
        assertThat(Paragraphs.lines("a\n\rb")).containsExactly("a", "", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void paragraphsEndAtBlankLinesAndKeepTheirInnerBreaks(String lineBreak) {
        String text = lineBreak + "one" + lineBreak + "wrapped" + lineBreak + " \t " + lineBreak + lineBreak
                + "two" + lineBreak;

        assertThat(Paragraphs.of(text)).containsExactly("one" + lineBreak + "wrapped", "two");
    }

    @Test
    void aParagraphSeparatorOrALineOfNoBreakSpacesEndsAParagraph() {
        assertThat(Paragraphs.of("one\u2029two\n\u00a0\u3000\nthree")).containsExactly("one", "two", "three");
    }

    @Test
    void textWithoutBreaksIsOneParagraphAndBlankTextNone() {
        assertThat(Paragraphs.of("just one")).containsExactly("just one");
        assertThat(Paragraphs.of(" \n\r\n \u2029")).isEmpty();
        assertThat(Paragraphs.of("")).isEmpty();
        assertThat(Paragraphs.lines("")).isEmpty();
    }

    @Test
    void aLineWithTextAndSpacesIsNotBlank() {
        assertThat(Paragraphs.of("one\n  x  \ntwo")).containsExactly("one\n  x  \ntwo");
    }
}
