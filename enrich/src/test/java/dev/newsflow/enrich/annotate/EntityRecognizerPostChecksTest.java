package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.enrich.ner.NerType;
import dev.newsflow.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The knowledge base's post-checks on the model's spans, with the spans given by hand so that each
 * check is pinned whatever the model of the day says.
 */
class EntityRecognizerPostChecksTest {
    private static EntityRecognizer recognizer;

    @BeforeAll
    static void load() {
        KnowledgeBase kb = KnowledgeBase.load();
        recognizer = new EntityRecognizer(kb, new NameRecognizer(NerModel.standard(), kb));
    }

    private record Found(String text, EntityType type, boolean tentative) {
    }

    /** The mentions of one body paragraph given the model's spans ({@code "text|TYPE|confidence"}, in order). */
    private static List<Found> mentions(String paragraph, String... spans) {
        List<ArticleField> fields = List.of(new ArticleField("body[0]", paragraph, 1.0, true));
        Tokens[] tokens = EntityRecognizer.tokenize(fields);
        List<EntitySpan> given = new ArrayList<>();
        int from = 0;
        for (String s : spans) {
            String[] p = s.split("\\|");
            int start = paragraph.indexOf(p[0], from);
            int end = start + p[0].length();
            from = end;
            given.add(new EntitySpan(0, start, end, NerType.valueOf(p[1]), Double.parseDouble(p[2]),
                    tokens[0].tokenStartingAt(start), tokens[0].tokenContaining(end - 1)));
        }
        List<Found> found = new ArrayList<>();
        for (RecognisedMention m : recognizer.mentions(fields, tokens, given).mentions()) {
            found.add(new Found(paragraph.substring(m.start(), m.end()), m.type(), m.tentative()));
        }
        return found;
    }

    @Test
    void anUnambiguousKnowledgeBaseNameOfSeveralWordsTakesItsTypeFromTheKnowledgeBase() {
        assertThat(mentions("Bayern Munich won the cup on Saturday.", "Bayern Munich|LOC|0.9"))
                .containsExactly(new Found("Bayern Munich", EntityType.ORGANIZATION, false));
    }

    @Test
    void oneWordThatNoPersonOfTheArticleCarriesIsTheKnowledgeBasesPlace() {
        assertThat(mentions("The minister flew to Paris on Monday.", "Paris|PER|0.7"))
                .containsExactly(new Found("Paris", EntityType.PLACE, false));
        assertThat(mentions("Paris Hilton arrived. Later Paris said she was pleased.", "Paris Hilton|PER|0.9", "Paris|PER|0.7"))
                .containsExactly(new Found("Paris Hilton", EntityType.PERSON, false), new Found("Paris", EntityType.PERSON, false));
    }

    @Test
    void aNameInsideALongerKnowledgeBaseNameGivesWayToIt() {
        assertThat(mentions("Fans of Real Madrid celebrated in the streets.", "Madrid|LOC|0.8"))
                .containsExactly(new Found("Real Madrid", EntityType.ORGANIZATION, false));
    }

    @Test
    void anOrdinaryWordOpeningASentenceIsDroppedUnlessTheModelIsSure() {
        assertThat(mentions("Floods in the region displaced thousands.", "Floods|MISC|0.7")).isEmpty();
        assertThat(mentions("Floods in the region displaced thousands.", "Floods|MISC|0.95")).hasSize(1);
    }

    @Test
    void namesInAnotherScriptKeepNoTypeTheModelCouldNotLearn() {
        assertThat(mentions("The Верховна Рада voted on Tuesday.", "Верховна Рада|PER|0.8"))
                .containsExactly(new Found("Верховна Рада", EntityType.OTHER, false));
    }
}
