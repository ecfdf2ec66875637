package dev.newsflow.enrich.ner.conll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorer on hand-made files with known true positives, false positives and false negatives (see the README beside them). */
class SpanScoresTest {

    private static List<List<ConllSentence>> read(String name) throws Exception {
        return ConllReader.read(resource(name));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SpanScoresTest.class.getClassLoader().getResource("ner/scoring/" + name).toURI());
    }

    private static SpanScores score(List<List<ConllSentence>> gold, List<List<ConllSentence>> predicted) {
        SpanScores scores = new SpanScores();
        for (int d = 0; d < gold.size(); d++) {
            for (int s = 0; s < gold.get(d).size(); s++) {
                scores.add(gold.get(d).get(s).spans(), predicted.get(d).get(s).spans());
            }
        }
        return scores;
    }

    @Test
    void countsEachTypeExactlyAndGivesTheMicroF1() throws Exception {
        SpanScores scores = score(read("gold.iob2.conll"), read("predicted.conll"));
        assertThat(scores.of("PER")).containsExactly(2, 3, 1);
        assertThat(scores.of("ORG")).containsExactly(1, 1, 1);
        assertThat(scores.of("LOC")).containsExactly(3, 1, 0);
        assertThat(scores.of("MISC")).containsExactly(0, 1, 1);
        assertThat(scores.micro()).containsExactly(6, 6, 3);
        assertThat(scores.microF1()).isCloseTo(4.0 / 7.0, within(1e-12));
        assertThat(SpanScores.precision(scores.micro())).isEqualTo(0.5);
        assertThat(scores.f1("LOC")).isCloseTo(2 * 0.75 * 1.0 / 1.75, within(1e-12));
    }

    @Test
    void printsATableAndTheMicroF1AsTheLastLine() throws Exception {
        StringWriter text = new StringWriter();
        score(read("gold.iob2.conll"), read("predicted.conll")).print(new PrintWriter(text, true));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).contains("| PER | 0.400 | 0.667 | 0.500 | 2 | 3 | 1 |", "| micro | 0.500 | 0.667 | 0.571 | 6 | 6 | 3 |");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("micro-F1 0.571");
    }

    @Test
    void iob1AndIob2GiveTheSameNamesAndDocuments() throws Exception {
        List<List<ConllSentence>> iob1 = read("gold.iob1.conll");
        List<List<ConllSentence>> iob2 = read("gold.iob2.conll");
        assertThat(iob1).hasSize(2);
        assertThat(iob1.get(0)).hasSize(2);
        for (int d = 0; d < iob2.size(); d++) {
            for (int s = 0; s < iob2.get(d).size(); s++) {
                assertThat(iob1.get(d).get(s).spans()).isEqualTo(iob2.get(d).get(s).spans());
            }
        }
        assertThat(iob1.get(0).get(0).looksIob1()).isTrue();
        assertThat(iob2.get(0).get(0).looksIob1()).isFalse();
        assertThat(score(iob2, iob1).microF1()).isEqualTo(1.0);
    }

    @Test
    void adjacentNamesOfOneTypeAreKeptApartByB() {
        ConllSentence s = new ConllSentence(List.of("Priya", "Nakamura", "Siemens", "AG"),
                List.of("I-PER", "B-PER", "I-ORG", "I-ORG"));
        assertThat(s.spans()).containsExactly(new Span(0, 1, "PER"), new Span(1, 2, "PER"), new Span(2, 4, "ORG"));
        ConllSentence bilou = new ConllSentence(List.of("New", "York", "Paris"), List.of("B-LOC", "L-LOC", "U-LOC"));
        assertThat(bilou.spans()).containsExactly(new Span(0, 2, "LOC"), new Span(2, 3, "LOC"));
    }
}
