package dev.newsflow.enrich.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinkingEvaluationTest {
    private static final KnowledgeBaseAnnotator ANNOTATOR = (KnowledgeBaseAnnotator) ArticleAnnotators.standard();

    @Test
    void theFormatGivesTheAnnotatorsFieldsAndTheGoldMentionsAtTheirOffsets() {
        List<LinkingDataset.Article> articles = LinkingDataset.parse("""
                # a comment
                === a-1 test
                H: [[Starmer|PER|Q6383803]] visits [[Paris|LOC|Q90]]
                P: The visit by [[Keir Starmer|PER|Q6383803]] was brief, [[Jane Roe|PER|NIL]] said.
                C: [[Starmer|PER|Q6383803]] arrives.
                R: EPA / Ludovic Marin
                """, "test");
        assertThat(articles).hasSize(1);
        LinkingDataset.Article a = articles.get(0);
        assertThat(a.article().getHeadline()).isEqualTo("Starmer visits Paris");
        assertThat(a.article().getBody()).containsExactly("The visit by Keir Starmer was brief, Jane Roe said.");
        assertThat(a.article().getImages().get(0).getCreditline()).isEqualTo("EPA");
        assertThat(a.article().getImages().get(0).getBy()).isEqualTo("Ludovic Marin");
        assertThat(a.gold()).extracting(LinkingDataset.GoldMention::field)
                .containsExactly("headline", "headline", "body[0]", "body[0]", "images[0].caption");
        LinkingDataset.GoldMention keir = a.gold().get(2);
        assertThat(a.article().getBody().get(0).substring(keir.start(), keir.end())).isEqualTo("Keir Starmer");
        assertThat(a.gold().get(3).qid()).isNull();
    }

    @Test
    void aMalformedGoldIdIsRefusedWithItsLine() {
        assertThatThrownBy(() -> LinkingDataset.parse("=== x\nH: [[Paris|LOC|90]]\nP: text\n", "f.txt"))
                .hasMessageContaining("f.txt:2").hasMessageContaining("QID or NIL");
    }

    @Test
    void precisionAndRecallCountMentionsExactly() {
        // Gold: Starmer x3 (Q6383803), Paris (Q90), Jane Roe (NIL), Atlantis Fisheries (NIL, unknown to the knowledge base).
        List<LinkingDataset.Article> articles = LinkingDataset.parse("""
                === a-1 test
                H: [[Starmer|PER|Q6383803]] visits [[Paris|LOC|Q90]]
                P: Prime Minister [[Keir Starmer|PER|Q6383803]] met [[Jane Roe|PER|NIL]] of [[Atlantis Fisheries|ORG|NIL]] in the city.
                P: [[Starmer|PER|Q6383803]] then flew home.
                """, "test");
        LinkingEvaluation.Score score = LinkingEvaluation.score(articles, ANNOTATOR);
        assertThat(score.goldMentions()).isEqualTo(6);
        assertThat(score.goldWithId()).isEqualTo(4);
        assertThat(score.rightLinks()).isEqualTo(score.predictedLinks()); // every link made is right here
        assertThat(score.goldFound()).isEqualTo(4);
        assertThat(score.precision()).isEqualTo(1.0);
        assertThat(score.recall()).isEqualTo(1.0);
    }

    @Test
    void aLinkOnAMentionNobodyMarkedCountsAsWrong() {
        List<LinkingDataset.Article> articles = LinkingDataset.parse("""
                === a-1 test
                H: [[Starmer|PER|Q6383803]] visits Paris
                P: Prime Minister [[Keir Starmer|PER|Q6383803]] arrived in Paris on Monday.
                """, "test");
        LinkingEvaluation.Score score = LinkingEvaluation.score(articles, ANNOTATOR);
        assertThat(score.predictedLinks()).isEqualTo(4); // Starmer twice, Paris twice
        assertThat(score.rightLinks()).isEqualTo(2);
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score.recall()).isEqualTo(1.0);
    }

    @Test
    void theLogisticFitRecoversTheCurveItWasDrawnFrom() {
        Random random = new Random(7);
        List<double[]> samples = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double x = random.nextDouble() * 10 - 3;
            double p = 1 / (1 + Math.exp(-(0.8 * x - 0.5)));
            samples.add(new double[] {x, random.nextDouble() < p ? 1 : 0});
        }
        double[] fit = LinkingEvaluation.logistic(samples);
        assertThat(fit[0]).isCloseTo(0.8, within(0.05));
        assertThat(fit[1]).isCloseTo(-0.5, within(0.1));
    }
}
