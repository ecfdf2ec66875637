package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schema.EntityType;
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

    @Test
    void conllReaderBuildsDocumentsSentencesAndGoldSpans() throws IOException {
        List<NerScorer.Document> docs = NerScorer.readConll(lines("annotate/ner-sample.conll"));
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).tokens()).hasSize(2);
        assertThat(NerScorer.goldSpans(docs.get(0))).contains(
                new NerScorer.Span(0, 2, 3, EntityType.PERSON),
                new NerScorer.Span(0, 8, 9, EntityType.ORGANIZATION),
                new NerScorer.Span(0, 11, 11, EntityType.PLACE),
                new NerScorer.Span(1, 0, 0, EntityType.PERSON));
    }

    @Test
    void strictScoringCountsExactSpansOnly() throws IOException {
        List<NerScorer.Document> docs = NerScorer.readConll(lines("annotate/ner-sample.conll"));
        NerScorer.Counts counts = NerScorer.scoreWikigold(docs, ArticleAnnotators.standard());
        // Every gold person, organisation and place of the sample is found with its exact span.
        for (EntityType t : NerScorer.SCORED) {
            assertThat(counts.of(t)[2]).as("missed %s", t).isZero();
            assertThat(counts.f1(t)).as("F1 %s", t).isEqualTo(1.0);
        }
        assertThat(counts.of(EntityType.PERSON)[0]).isEqualTo(3);
    }

    @Test
    void lenientScoringAcceptsOverlapWithTheGoldMention() throws IOException {
        NerScorer.Document doc = NerScorer.readGum(lines("annotate/ner-sample.tsv"));
        NerScorer.Counts counts = NerScorer.scoreGum(List.of(doc), ArticleAnnotators.standard());
        // "Charles Bolden" overlaps the gold "Administrator Charles Bolden".
        assertThat(counts.of(EntityType.PERSON)[0]).isEqualTo(1);
        assertThat(counts.of(EntityType.PLACE)[0]).isEqualTo(1);
        assertThat(counts.of(EntityType.ORGANIZATION)[0]).isEqualTo(1);
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
