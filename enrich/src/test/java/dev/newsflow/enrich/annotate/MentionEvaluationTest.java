package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.enrich.ner.conll.SpanScores;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionEvaluationTest {
    private static final MentionEvaluation EVALUATION = new MentionEvaluation(NerModel.standard(), KnowledgeBase.load());

    // "Berlin" is left unmarked on purpose: a name found where the gold marks none counts against precision.
    private static final List<LinkingDataset.Article> ARTICLES = LinkingDataset.parse("""
            === m-1 test
            H: Leaders meet for talks on trade
            P: [[Angela Merkel|PER|Q567]] met [[Emmanuel Macron|PER|Q3052772]] in Berlin on Monday, officials said.
            P: The two leaders spoke to reporters at the [[European Commission|ORG|Q8880]] later that day.
            """, "test");

    @Test
    void theModelsSpansAreScoredByExactCharacterSpanAndType() {
        List<String> errors = new ArrayList<>();
        SpanScores scores = EVALUATION.score(ARTICLES, false, errors::add);
        assertThat(scores.of("PER")).containsExactly(2, 0, 0);
        assertThat(scores.of("ORG")).containsExactly(1, 0, 0);
        assertThat(scores.of("LOC")).containsExactly(0, 1, 0);
        assertThat(scores.micro()).containsExactly(3, 1, 0);
        assertThat(errors).containsExactly("FP LOC [Berlin]  m-1 body[0]");
    }

    @Test
    void thePostChecksAreScoredOnWhatTheLinkerReceives() {
        SpanScores scores = EVALUATION.score(ARTICLES, true, null);
        assertThat(scores.micro()).containsExactly(3, 1, 0);
        assertThat(scores.microF1()).isEqualTo(SpanScores.f1(new int[] {3, 1, 0}));
    }
}
