package dev.newsflow.enrich.topics.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.schema.Topic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scorer's arithmetic, on a hand-made file scored with an annotator whose answers are written in the headline. */
class TopicEvaluationTest {
    private static final KnowledgeBase KB = KnowledgeBase.load();

    /** Gives the topics written in the headline as "qcode=score" words; parents come from the knowledge base. */
    private static final ArticleAnnotator SCRIPTED = article -> {
        List<Topic> topics = new ArrayList<>();
        for (String word : article.getHeadline().split(" ")) {
            if (word.startsWith("medtop:")) {
                String[] qs = word.split("=");
                var c = KB.topic(qs[0]);
                List<String> parents = c.ancestors().stream().map(i -> KB.topics().get(i).qcode()).toList();
                topics.add(new Topic(c.qcode(), c.label(), c.level(), parents, Double.parseDouble(qs[1])));
            }
        }
        article.setEntities(List.of());
        article.setTopics(topics);
    };

    // Five articles:
    // 1 sport, right; second level competition discipline right.
    // 2 politics expected, economy best (0.7 vs politics 0.6): wrong; government given, election expected.
    // 3 economy, right at 0.95; a second top level (politics 0.85) not expected: wrong at >= 0.8.
    // 4 arts expected; nothing given: wrong (no prediction).
    // 5 sport expected, sport 0.81 right; a deeper topic (basketball, level 3) counts for its
    //   second-level ancestor, competition discipline, which is expected.
    static final String FILE = String.join("\n",
            "{\"headline\":\"a medtop:15000000=0.9 medtop:20000822=0.7\",\"body\":\"x\",\"topics\":[\"medtop:15000000\",\"medtop:20000822\"]}",
            "{\"headline\":\"b medtop:04000000=0.7 medtop:11000000=0.6 medtop:20000593=0.5\",\"body\":[\"x\",\"y\"],"
                    + "\"topics\":[\"medtop:11000000\",\"medtop:20000574\"]}",
            "{\"headline\":\"c medtop:04000000=0.95 medtop:11000000=0.85\",\"body\":\"x\",\"topics\":[\"medtop:04000000\"]}",
            "",
            "{\"headline\":\"d\",\"body\":\"x\",\"topics\":[\"medtop:01000000\"]}",
            "{\"headline\":\"e medtop:15000000=0.81 medtop:20000851=0.5\",\"body\":\"x\",\"topics\":[\"medtop:15000000\",\"medtop:20000822\"]}");

    @Test
    void theScorerGivesTheExactFiguresOfAHandMadeFile() throws IOException {
        TopicEvaluation.Result r = new TopicEvaluation(SCRIPTED, KB).evaluate(FILE, "hand-made");

        assertThat(r.articles()).isEqualTo(5);
        assertThat(r.accuracy()).isEqualTo(3.0 / 5);
        // sport: 2 predicted, 2 right, 2 expected.
        assertThat(r.precision("medtop:15000000")).isEqualTo(1.0);
        assertThat(r.recall("medtop:15000000")).isEqualTo(1.0);
        // economy: predicted twice, right once; expected once.
        assertThat(r.precision("medtop:04000000")).isEqualTo(0.5);
        assertThat(r.recall("medtop:04000000")).isEqualTo(1.0);
        assertThat(r.f1("medtop:04000000")).isCloseTo(2 * 0.5 / 1.5, within(1e-12));
        // politics and arts: expected once each, never predicted best.
        assertThat(r.precision("medtop:11000000")).isZero();
        assertThat(r.recall("medtop:11000000")).isZero();
        assertThat(r.recall("medtop:01000000")).isZero();
        // Second level: given {20000822} {20000593} {} {} {20000822 via 20000851}; expected {20000822} {20000574} {} {} {20000822}.
        assertThat(r.level2Precision()).isEqualTo(2.0 / 3);
        assertThat(r.level2Recall()).isEqualTo(2.0 / 3);
        assertThat(r.level2MicroF1()).isCloseTo(2.0 / 3, within(1e-12));
        // Top-level topics at >= 0.8: 0.9 sport (right), 0.95 economy (right), 0.85 politics (wrong), 0.81 sport (right).
        assertThat(r.topicsAtOrAbove(0.8)).isEqualTo(4);
        assertThat(r.rightAtOrAbove(0.8)).isEqualTo(0.75);
        // 0.7 economy (wrong: politics expected) and 0.6 politics (right) fall below.
        assertThat(r.topicsAtOrAbove(0.0)).isEqualTo(6);
        assertThat(r.rightAtOrAbove(0.0)).isEqualTo(4.0 / 6);

        String printed = r.format();
        assertThat(printed).contains("top-level accuracy 0.600 (3/5)")
                .contains("micro-F1 0.667")
                .contains("scored >= 0.8: 4 topics, right 0.750");
        assertThat(printed.strip().lines().reduce((a, b) -> b)).hasValue("accuracy 0.600");
    }

    @Test
    void aBadLineIsNamedWithItsLineNumberAndField() {
        TopicEvaluation evaluation = new TopicEvaluation(SCRIPTED, KB);
        assertThatThrownBy(() -> evaluation.evaluate("{\"headline\":\"h\",\"body\":\"x\",\"topics\":[]}\n", "f.jsonl"))
                .hasMessageContaining("f.jsonl:1").hasMessageContaining("topics");
        assertThatThrownBy(() -> evaluation.evaluate("\n{\"headline\":\"h\",\"body\":3,\"topics\":[\"medtop:04000000\"]}", "f.jsonl"))
                .hasMessageContaining("f.jsonl:2").hasMessageContaining("body");
        assertThatThrownBy(() -> evaluation.evaluate("{not json", "f.jsonl")).hasMessageContaining("f.jsonl:1");
    }
}
