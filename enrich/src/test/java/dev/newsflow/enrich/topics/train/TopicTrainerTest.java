package dev.newsflow.enrich.topics.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.KnowledgeBaseAnnotator;
import dev.newsflow.enrich.topics.TopicModel;
import dev.newsflow.enrich.topics.TrainedTopicAssigner;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Topic;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small corpus written for this test (topics/fixture-corpus.jsonl): deterministic and sane. */
class TopicTrainerTest {
    private static KnowledgeBase kb;
    private static List<TrainingArticle> corpus;

    static TopicTrainer.Settings small() {
        TopicTrainer.Settings d = TopicTrainer.Settings.defaults();
        Map<String, Double> calibration = new LinkedHashMap<>();
        calibration.put(TrainingData.WRITTEN, 1.0);
        return new TopicTrainer.Settings(1e-3, 1e-3, 1e-3, 1, 2, 20, 0.5, d.sourceWeights(), calibration, 2, 0.3f, 0.5f, 60, 0.01);
    }

    @BeforeAll
    static void readCorpus() throws IOException, URISyntaxException {
        kb = KnowledgeBase.load();
        Path file = Path.of(TopicTrainerTest.class.getResource("/topics/fixture-corpus.jsonl").toURI());
        corpus = new TrainingData(kb).written(file, TrainingData.WRITTEN);
    }

    @Test
    void trainingTwiceOnTheSameDataGivesByteIdenticalModels() {
        byte[] first = new TopicTrainer(kb).train(corpus, small()).model().toBytes();
        byte[] second = new TopicTrainer(kb).train(corpus, small()).model().toBytes();
        assertThat(first).isEqualTo(second);

        List<TrainingArticle> fewer = corpus.subList(1, corpus.size());
        assertThat(new TopicTrainer(kb).train(fewer, small()).model().toBytes()).isNotEqualTo(first);
    }

    @Test
    void aModelTrainedOnTheCorpusFilesNewTextsOfItsTopics() throws IOException {
        TopicTrainer.Outcome outcome = new TopicTrainer(kb).train(corpus, small());
        TopicModel model = TopicModel.read(new ByteArrayInputStream(outcome.model().toBytes()));
        KnowledgeBaseAnnotator annotator = new KnowledgeBaseAnnotator(kb, new TrainedTopicAssigner(model, kb));

        assertThat(best(annotator, "Striker scores late winner", "The striker scored in the last minute as the club won the league match."))
                .isEqualTo("medtop:15000000");
        assertThat(best(annotator, "Bank shares fall", "Shares in the bank fell as profits dropped and interest rates rose."))
                .isEqualTo("medtop:04000000");
        assertThat(best(annotator, "Party wins election", "The opposition party won the general election and its leader will be prime minister."))
                .isEqualTo("medtop:11000000");
        assertThat(outcome.report().text()).contains("held-out split").contains("Calibration");
    }

    @Test
    void theTopologyComputesFromTheModelFileWhatTheTrainerComputedFromItsOwnFeatures() throws IOException {
        TopicTrainer.Outcome outcome = new TopicTrainer(kb).train(corpus, small());
        TopicModel model = TopicModel.read(new ByteArrayInputStream(outcome.model().toBytes()));
        TrainedTopicAssigner assigner = new TrainedTopicAssigner(model, kb);
        KnowledgeBaseAnnotator annotator = new KnowledgeBaseAnnotator(kb, assigner);
        for (TrainingArticle a : corpus) {
            EnrichedArticle.Builder b = EnrichedArticle.newBuilder().setHeadline(a.headline())
                    .setBody(new ArrayList<>(a.body())).setImages(new ArrayList<>());
            double[] served = assigner.score(annotator.evidence(b)).raw();
            double[] trained = outcome.trainerProbabilities().apply(a);
            for (int c = 0; c < served.length; c++) {
                // Weights are stored in 16 bits: the two agree to well under a percentage point.
                assertThat(served[c]).as("%s topic %d", a.id(), c).isCloseTo(trained[c], org.assertj.core.api.Assertions.within(2e-3));
            }
        }
    }

    @Test
    void trainingTextsThatShareAParagraphOrHeadlineWithTheDevSetAreLeftOut(@TempDir Path dir) throws IOException {
        Path dev = dir.resolve("dev.jsonl");
        Files.writeString(dev, "{\"id\":\"dev-1\",\"headline\":\"Central bank holds interest rates\",\"body\":[\"Other words.\"],"
                + "\"topics\":[\"medtop:04000000\"]}\n"
                + "{\"id\":\"dev-2\",\"headline\":\"Another\",\"body\":[\"The boxer kept his world title after twelve rounds, "
                + "winning on points from all three judges.\"],\"topics\":[\"medtop:15000000\"]}\n");
        List<TrainingArticle> kept = TopicTraining.withoutDevTexts(corpus, dev);
        assertThat(kept).hasSize(corpus.size() - 2);
        assertThat(kept).extracting(TrainingArticle::id).doesNotContain("written:economy-2", "written:sport-8");
    }

    private static String best(KnowledgeBaseAnnotator annotator, String headline, String body) {
        EnrichedArticle.Builder b = EnrichedArticle.newBuilder().setHeadline(headline).setBody(new ArrayList<>(List.of(body)))
                .setImages(new ArrayList<>());
        annotator.annotate(b);
        return b.getTopics().stream().filter(t -> t.getLevel() == 1).findFirst().map(Topic::getQcode).orElse("none");
    }

}
