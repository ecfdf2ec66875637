package dev.newsflow.app.cli;

import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.enrich.annotate.KnowledgeBaseAnnotator;
import dev.newsflow.enrich.annotate.TopicClassifier;
import dev.newsflow.enrich.topics.TopicModel;
import dev.newsflow.enrich.topics.TrainedTopicAssigner;
import dev.newsflow.enrich.topics.eval.TopicEvaluation;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Score IPTC topics against a labelled file: JSON lines of {\"headline\", \"body\", \"topics\"} "
                + "(body a string or an array of paragraphs; topics qcodes, the expected top level first).",
                "Prints top-level accuracy, per-topic precision/recall/F1, second-level micro-F1, the calibration table, "
                        + "and 'accuracy 0.xxx' last."})
public final class EvalTopicsCommand implements Callable<Integer> {
    enum Assigner { model, lexicon }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Labelled articles, JSON lines.")
    Path file;

    @Option(names = "--assigner", defaultValue = "model",
            description = "model (the trained model, default) or lexicon (the keyword lexicon it replaced).")
    Assigner assigner;

    @Option(names = "--model", description = "A model file to score instead of the one committed with enrich.")
    Path model;

    @Option(names = "--misses", description = "List the articles whose best top-level topic was wrong.")
    boolean misses;

    @Override
    public Integer call() throws Exception {
        KnowledgeBaseAnnotator standard = ArticleAnnotators.standardKnowledgeBaseAnnotator();
        KnowledgeBaseAnnotator annotator = standard;
        if (assigner == Assigner.lexicon) {
            annotator = standard.withTopics(new TopicClassifier(standard.knowledgeBase()));
        } else if (model != null) {
            try (InputStream in = Files.newInputStream(model)) {
                annotator = standard.withTopics(new TrainedTopicAssigner(TopicModel.read(in), standard.knowledgeBase()));
            }
        }
        TopicEvaluation.Result result = new TopicEvaluation(annotator, standard.knowledgeBase()).evaluate(file);
        PrintWriter out = spec.commandLine().getOut();
        if (misses) {
            result.misses().forEach(m -> out.println("miss " + m));
        }
        out.print(result.format());
        out.flush();
        return 0;
    }
}
