package dev.newsflow.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.text.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    /**
     * The paragraphs as their definition reads, from {@link Paragraphs#lines}: runs of lines that are not blank,
     * ended by a blank line or a paragraph separator. The scan must agree with it on any mix of breaks, spaces and
     * text.
     */
    @Property(tries = 2_000)
    void theScanAgreesWithTheDefinition(@ForAll("mixes") String text) {
        List<String> expected = new ArrayList<>();
        for (String run : text.split("\u2029", -1)) {
            StringBuilder paragraph = new StringBuilder();
            int runStart = 0;
            int position = 0;
            List<String> lines = Paragraphs.lines(run);
            for (String line : lines) {
                int lineStart = run.indexOf(line, position);
                position = lineStart + line.length();
                if (line.chars().allMatch(c -> TextNormalizer.isSpace((char) c))) {
                    if (paragraph.length() > 0) {
                        expected.add(paragraph.toString());
                        paragraph.setLength(0);
                    }
                    continue;
                }
                if (paragraph.length() == 0) {
                    runStart = lineStart;
                }
                paragraph.setLength(0);
                paragraph.append(run, runStart, position);
            }
            if (paragraph.length() > 0) {
                expected.add(paragraph.toString());
            }
        }
        assertThat(Paragraphs.of(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> mixes() {
        return Arbitraries.of("a", "Zé", " ", "\t", "\u00a0", "\u3000", "\n", "\r", "\r\n", "\u000B", "\f",
                "\u0085", "\u2028", "\u2029", "\u001C").list().ofMaxSize(12).map(parts -> String.join("", parts));
    }
}
