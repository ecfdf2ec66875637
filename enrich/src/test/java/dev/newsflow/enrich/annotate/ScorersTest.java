package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.enrich.ner.conll.ConllReader;
import dev.newsflow.enrich.ner.conll.ConllSentence;
import dev.newsflow.enrich.ner.conll.FlatTagReader;
import dev.newsflow.enrich.ner.conll.Span;
import dev.newsflow.enrich.ner.conll.SpanScores;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scorers themselves, on small samples written for these tests, and the labelled topic set. */
class ScorersTest {

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = ScorersTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1));
        }
    }

    private static final Set<String> PER_ORG_LOC = Set.of("PER", "ORG", "LOC");

    private static RecognizerEvaluation evaluation() {
        KnowledgeBase kb = KnowledgeBase.load();
        return new RecognizerEvaluation(new NameRecognizer(NerModel.standard(), kb));
    }

    @Test
    void conllReaderBuildsDocumentsSentencesAndGoldSpans() throws IOException {
        List<List<ConllSentence>> docs = ConllReader.read(lines("annotate/ner-sample.conll"));
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0)).hasSize(2);
        assertThat(docs.get(0).get(0).spans()).contains(new Span(2, 4, "PER"), new Span(8, 10, "ORG"), new Span(11, 12, "LOC"));
        assertThat(docs.get(0).get(1).spans()).contains(new Span(0, 1, "PER"));
    }

    @Test
    void strictScoringOfTheRecogniserCountsExactSpans() throws IOException {
        List<List<ConllSentence>> docs = ConllReader.read(lines("annotate/ner-sample.conll"));
        SpanScores scores = evaluation().score(docs, PER_ORG_LOC, false, null);
        // Every gold person, organisation and place of the sample is found with its exact span.
        for (String type : PER_ORG_LOC) {
            assertThat(scores.of(type)[2]).as("missed %s", type).isZero();
            assertThat(scores.f1(type)).as("F1 %s", type).isEqualTo(1.0);
        }
        assertThat(scores.of("PER")[0]).isEqualTo(3);
        assertThat(scores.types()).doesNotContain("MISC");
    }

    @Test
    void lenientScoringAcceptsOverlapWithTheGoldMention() throws IOException {
        List<List<ConllSentence>> docs = FlatTagReader.read(lines("annotate/ner-sample.tsv"));
        SpanScores scores = evaluation().score(docs, PER_ORG_LOC, true, null);
        // "Charles Bolden" overlaps the gold "Administrator Charles Bolden".
        assertThat(scores.of("PER")[0]).isEqualTo(1);
        assertThat(scores.of("LOC")[0]).isEqualTo(1);
        assertThat(scores.of("ORG")[0]).isEqualTo(1);
    }

    @Test
    void labelledTopicSetCoversAllSeventeenTopLevelTopicsWithAtLeastFiftyArticles() {
        List<TopicScorer.LabelledArticle> set = TopicScorer.read();
        assertThat(set).hasSizeGreaterThanOrEqualTo(50);
        Set<String> main = set.stream().map(TopicScorer.LabelledArticle::main).collect(Collectors.toSet());
        assertThat(main).hasSize(17);
        KnowledgeBase kb = KnowledgeBase.load();
        for (String qcode : main) {
            assertThat(kb.topic(qcode)).as(qcode).isNotNull().extracting(TopicConcept::level).isEqualTo(1);
        }
    }

    @Test
    void topLevelTopicsOfTheLabelledSetStayMostlyRight() {
        TopicScorer.Result result = TopicScorer.score(ArticleAnnotators.standard(), TopicScorer.read());
        // A quality floor, well under the measured figures (see the benchmarks note), to catch regressions.
        assertThat(result.top1Precision()).isGreaterThanOrEqualTo(0.85);
        assertThat(result.topLevelPrecision()).isGreaterThanOrEqualTo(0.7);
    }
}
