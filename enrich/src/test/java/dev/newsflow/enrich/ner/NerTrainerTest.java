package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.enrich.ner.TrainingCorpus.FileSpec;
import dev.newsflow.enrich.ner.TrainingCorpus.Part;
import dev.newsflow.enrich.ner.TrainingCorpus.SetSpec;
import dev.newsflow.enrich.ner.conll.SpanScores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training on the fixture corpus (test resources, written for newsflow): deterministic, and it learns. */
class NerTrainerTest {
    private static final SetSpec FIXTURE = new SetSpec("fixture", true, 5, 1f, List.of(
            FileSpec.fixed("fixture.train.conll", Part.TRAIN),
            FileSpec.fixed("fixture.test.conll", Part.TEST)));
    /** Small and quick: a 2^16-row table, five epochs. */
    private static final NerTrainer.Options OPTIONS = new NerTrainer.Options(5, 16, 11L, true, null);

    private static Lexicon lexicon;

    @BeforeAll
    static void loadLexicon() {
        lexicon = Lexicon.load();
    }

    private static Path corpusDir() throws URISyntaxException {
        return Path.of(NerTrainerTest.class.getClassLoader().getResource("ner/fixture-corpus").toURI());
    }

    private static NerTrainer.Result train() throws Exception {
        TrainingCorpus corpus = TrainingCorpus.readSets(corpusDir(), lexicon, List.of(FIXTURE));
        return NerTrainer.train(corpus, OPTIONS, lexicon, new PrintWriter(new StringWriter()));
    }

    @Test
    void trainingTwiceOnTheSameCorpusWritesTheSameModelBytes() throws Exception {
        NerTrainer.Result first = train();
        NerTrainer.Result second = train();
        assertThat(first.modelBytes()).isNotEmpty().isEqualTo(second.modelBytes());
    }

    @Test
    void theModelLearnsTheCorpusAndScoresItsHeldOutPart() throws Exception {
        NerTrainer.Result result = train();
        TrainingCorpus corpus = TrainingCorpus.readSets(corpusDir(), lexicon, List.of(FIXTURE));
        List<TrainingCorpus.Document> trainingDocs = corpus.documents.stream().filter(d -> d.part == Part.TRAIN).toList();
        SpanScores onTraining = NerTrainer.score(result.model(), trainingDocs).get("fixture train");
        // The training sentences are learnt (a perceptron fits 25 sentences almost perfectly) ...
        assertThat(onTraining.microF1()).isGreaterThan(0.9);
        // ... and the report scores the test part, which the model did not see.
        assertThat(result.scores()).containsOnlyKeys("fixture test");
        assertThat(result.scores().get("fixture test").micro()[0] + result.scores().get("fixture test").micro()[2])
                .as("gold names of the test part").isEqualTo(9);
    }
}
