package dev.newsflow.enrich.topics.train;

import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.topics.LabelledJson;
import dev.newsflow.enrich.topics.TopicModelInputs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documented training run ({@code newsflow train topics}): reads every source, leaves out any text
 * shared with the dev set, trains, writes the model and its report.
 *
 * @param sharedData   the shared data directory: {@code topics-train/}, {@code iptc/}, {@code ner-train/crossner/}
 * @param written      project-written training files (JSON lines)
 * @param devSet       the committed dev set, never trained on: a training text sharing a headline or paragraph
 *                     with it is left out (null when there is none)
 * @param model        where the model goes
 * @param report       where the training report goes
 */
public record TopicTraining(Path sharedData, List<Path> written, Path devSet, Path model, Path report) {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTraining.class);
    /** Sentences of CrossNER joined into one training text. */
    static final int CROSSNER_SENTENCES = 4;

    public TopicTrainer.Outcome run(TopicTrainer.Settings settings) throws IOException {
        KnowledgeBase kb = KnowledgeBase.load();
        List<TrainingArticle> articles = read(kb);
        TopicTrainer.Outcome outcome = new TopicTrainer(kb).train(articles, settings);
        Files.createDirectories(model.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(model)) {
            outcome.model().write(out);
        }
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, outcome.report().text() + TopicModelInputs.reportSection(), StandardCharsets.UTF_8);
        LOG.info("wrote {} ({} bytes) and {}", model, Files.size(model), report);
        return outcome;
    }

    public List<TrainingArticle> read(KnowledgeBase kb) throws IOException {
        TrainingData data = new TrainingData(kb);
        List<TrainingArticle> articles = new ArrayList<>();
        for (Path file : written) {
            articles.addAll(data.written(file, TrainingData.WRITTEN, true));
        }
        articles.addAll(data.currentEvents(require(sharedData.resolve("topics-train/wiki-current-events/current_events.jsonl"))));
        articles.addAll(data.iptcDefinitions(require(sharedData.resolve("iptc/mediatopic.json"))));
        articles.addAll(data.crossNer(require(sharedData.resolve("ner-train/crossner")), CROSSNER_SENTENCES));
        if (devSet != null && Files.exists(devSet)) {
            articles = withoutDevTexts(articles, devSet);
        }
        LOG.info("{} training texts", articles.size());
        return articles;
    }

    private static Path require(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("training data missing: " + path + " (set --shared-data)");
        }
        return path;
    }

    /**
     * The dev set scores the model: a training text that shares a paragraph or its headline with a dev
     * article is left out of training (with a warning naming both), so the dev score cannot be flattered
     * by a story trained on twice.
     */
    static List<TrainingArticle> withoutDevTexts(List<TrainingArticle> articles, Path devSet) throws IOException {
        Map<String, String> dev = new HashMap<>();
        int line = 0;
        for (var node : TrainingData.jsonLines(devSet)) {
            line++;
            LabelledJson a = LabelledJson.parse(node, devSet + ":" + line);
            String id = a.id() != null ? a.id() : devSet.getFileName() + ":" + line;
            dev.putIfAbsent(normalise(a.headline()), id);
            for (String p : a.body()) {
                dev.putIfAbsent(normalise(p), id);
            }
        }
        dev.remove("");
        List<TrainingArticle> kept = new ArrayList<>(articles.size());
        for (TrainingArticle a : articles) {
            String clash = a.source().equals(TrainingData.IPTC) ? null : dev.get(normalise(a.headline()));
            for (String p : a.body()) {
                clash = clash != null ? clash : dev.get(normalise(p));
            }
            if (clash != null) {
                LOG.warn("training text {} left out: it shares its headline or a paragraph with dev-set article {}", a.id(), clash);
            } else {
                kept.add(a);
            }
        }
        return kept;
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }
}
