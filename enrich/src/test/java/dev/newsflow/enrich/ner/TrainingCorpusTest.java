package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsflow.enrich.ner.TrainingCorpus.SetSpec;
import dev.newsflow.enrich.ner.conll.ConllSentence;
import dev.newsflow.enrich.ner.conll.Span;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The newsflow convention the training sets are mapped onto (ner/README.md, "The newsflow convention"). */
class TrainingCorpusTest {
    private static final SetSpec WITH_MISC = new SetSpec("with-misc", true, 1, 1f, List.of());
    private static TrainingCorpus corpus;

    @BeforeAll
    static void load() {
        corpus = new TrainingCorpus(Lexicon.load());
    }

    private static List<Span> convert(String... tokenAndTag) {
        List<String> tokens = new java.util.ArrayList<>();
        List<String> tags = new java.util.ArrayList<>();
        for (String pair : tokenAndTag) {
            int space = pair.lastIndexOf(' ');
            tokens.add(pair.substring(0, space));
            tags.add(pair.substring(space + 1));
        }
        return corpus.convert(WITH_MISC, new ConllSentence(tokens, tags)).spans;
    }

    @Test
    void aPlaceWrittenWithACommaIsTwoPlacesButACompanyKeepsItsComma() {
        assertThat(convert("Cape B-LOC", "Canaveral I-LOC", ", I-LOC", "Florida I-LOC", ". O"))
                .containsExactly(new Span(0, 2, "LOC"), new Span(3, 4, "LOC"));
        assertThat(convert("Atari B-ORG", ", I-ORG", "Inc. I-ORG", "said O"))
                .containsExactly(new Span(0, 3, "ORG"));
    }

    @Test
    void nationalityWordsAreMiscEvenWhereASetTagsThemAsPlacesOrLeavesThemOut() {
        // "American" is not in nlp4j's nationality gazetteer as a word of its own: the knowledge base's demonyms say it is one.
        assertThat(convert("the O", "American B-LOC", "team O")).containsExactly(new Span(1, 2, "MISC"));
        assertThat(convert("the O", "Kenyan O", "runner O")).containsExactly(new Span(1, 2, "MISC"));
        assertThat(TrainingCorpus.DEMONYMS).contains("American", "Australian", "French");
    }

    @Test
    void titlesAndDeterminersStayOutsideTheName() {
        assertThat(convert("President B-PER", "Emmanuel I-PER", "Macron I-PER", "spoke O"))
                .containsExactly(new Span(1, 3, "PER"));
        assertThat(convert("the B-LOC", "United I-LOC", "States I-LOC")).containsExactly(new Span(1, 3, "LOC"));
    }

    @Test
    void anUnknownSetIsRefusedByName() {
        assertThatThrownBy(() -> TrainingCorpus.read(Path.of("nowhere"), Lexicon.load(), List.of("conll2003")))
                .hasMessageContaining("unknown training set conll2003").hasMessageContaining("re-docred");
    }
}
