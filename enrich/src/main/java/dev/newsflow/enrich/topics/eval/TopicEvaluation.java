package dev.newsflow.enrich.topics.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.enrich.annotate.ArticleAnnotator;
import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.TopicConcept;
import dev.newsflow.enrich.topics.LabelledJson;
import dev.newsflow.schema.ArticleAction;
import dev.newsflow.schema.CleanupReport;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.SourceFormat;
import dev.newsflow.schema.Topic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores an annotator's IPTC topics against a labelled file ({@code newsflow eval topics FILE}): lines
 * of {@code {"headline", "body", "topics"}} with the expected top-level qcode first. Top-level accuracy
 * is the share of articles whose best-scored top-level topic is the expected one; per-topic precision,
 * recall and F1 count that best topic against the expected one; second-level micro-F1 compares the
 * second-level topics given (deeper ones counted for their second-level ancestor) with those expected;
 * the calibration table counts, among all top-level topics given, the share that are among the
 * article's expected top levels (the expected one and the top levels of its other codes).
 */
public final class TopicEvaluation {
    static final int BINS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArticleAnnotator annotator;
    private final KnowledgeBase kb;
    private final List<String> topLevels = new ArrayList<>();

    public TopicEvaluation(ArticleAnnotator annotator, KnowledgeBase kb) {
        this.annotator = annotator;
        this.kb = kb;
        for (TopicConcept c : kb.topics()) {
            if (c.level() == 1) {
                topLevels.add(c.qcode());
            }
        }
    }

    /** Counts of one evaluation; {@link #format()} prints them. */
    public static final class Result {
        final List<String> topLevels;
        final List<String> labels;
        int articles;
        int right;
        final int[] truePositive;
        final int[] falsePositive;
        final int[] falseNegative;
        int level2TruePositive;
        int level2FalsePositive;
        int level2FalseNegative;
        final int[] binTopics = new int[BINS];
        final int[] binRight = new int[BINS];
        final List<String> misses = new ArrayList<>();

        Result(List<String> topLevels, List<String> labels) {
            this.topLevels = topLevels;
            this.labels = labels;
            truePositive = new int[topLevels.size()];
            falsePositive = new int[topLevels.size()];
            falseNegative = new int[topLevels.size()];
        }

        public int articles() {
            return articles;
        }

        public double accuracy() {
            return articles == 0 ? 0 : (double) right / articles;
        }

        public double precision(String qcode) {
            int k = topLevels.indexOf(qcode);
            return ratio(truePositive[k], truePositive[k] + falsePositive[k]);
        }

        public double recall(String qcode) {
            int k = topLevels.indexOf(qcode);
            return ratio(truePositive[k], truePositive[k] + falseNegative[k]);
        }

        public double f1(String qcode) {
            return f1(precision(qcode), recall(qcode));
        }

        public double level2Precision() {
            return ratio(level2TruePositive, level2TruePositive + level2FalsePositive);
        }

        public double level2Recall() {
            return ratio(level2TruePositive, level2TruePositive + level2FalseNegative);
        }

        public double level2MicroF1() {
            return f1(level2Precision(), level2Recall());
        }

        /** Among top-level topics scored at least 0.8, the share that were expected; NaN when none was. */
        public double rightAtOrAbove(double score) {
            int from = (int) Math.floor(score * BINS + 1e-9);
            int topics = 0;
            int right = 0;
            for (int b = from; b < BINS; b++) {
                topics += binTopics[b];
                right += binRight[b];
            }
            return topics == 0 ? Double.NaN : (double) right / topics;
        }

        public int topicsAtOrAbove(double score) {
            int from = (int) Math.floor(score * BINS + 1e-9);
            int topics = 0;
            for (int b = from; b < BINS; b++) {
                topics += binTopics[b];
            }
            return topics;
        }

        public List<String> misses() {
            return misses;
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 0 : (double) a / b;
        }

        private static double f1(double p, double r) {
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public String format() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "articles %d%n", articles));
            out.append(String.format(Locale.ROOT, "top-level accuracy %.3f (%d/%d)%n%n", accuracy(), right, articles));
            out.append(String.format(Locale.ROOT, "%-16s %-44s %9s %9s %9s %9s%n", "topic", "label", "precision", "recall",
                    "F1", "articles"));
            for (int k = 0; k < topLevels.size(); k++) {
                int support = truePositive[k] + falseNegative[k];
                if (support == 0 && falsePositive[k] == 0) {
                    continue;
                }
                String q = topLevels.get(k);
                out.append(String.format(Locale.ROOT, "%-16s %-44s %9.3f %9.3f %9.3f %9d%n", q, labels.get(k), precision(q),
                        recall(q), f1(q), support));
            }
            out.append(String.format(Locale.ROOT, "%nsecond level: precision %.3f recall %.3f micro-F1 %.3f (%d right, %d wrong, %d missed)%n",
                    level2Precision(), level2Recall(), level2MicroF1(), level2TruePositive, level2FalsePositive,
                    level2FalseNegative));
            out.append(String.format(Locale.ROOT, "%ncalibration of top-level scores: share of the top-level topics given that were expected%n"));
            out.append(String.format(Locale.ROOT, "%-9s %8s %8s%n", "score", "topics", "right"));
            for (int b = BINS - 1; b >= 0; b--) {
                out.append(String.format(Locale.ROOT, "%.1f-%.1f %8d %8s%n", b / 10.0, (b + 1) / 10.0, binTopics[b],
                        binTopics[b] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) binRight[b] / binTopics[b])));
            }
            out.append(String.format(Locale.ROOT, "scored >= 0.8: %d topics, right %s%n", topicsAtOrAbove(0.8),
                    Double.isNaN(rightAtOrAbove(0.8)) ? "-" : String.format(Locale.ROOT, "%.3f", rightAtOrAbove(0.8))));
            out.append(String.format(Locale.ROOT, "%naccuracy %.3f%n", accuracy()));
            return out.toString();
        }
    }

    public Result evaluate(java.nio.file.Path file) throws IOException {
        return evaluate(java.nio.file.Files.readString(file), file.toString());
    }

    /** Evaluates JSON lines; {@code name} goes into messages about bad lines. */
    public Result evaluate(String jsonLines, String name) throws IOException {
        List<String> labels = topLevels.stream().map(q -> kb.topic(q).label()).toList();
        Result result = new Result(topLevels, labels);
        BufferedReader reader = new BufferedReader(new StringReader(jsonLines));
        int line = 0;
        for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(name + ":" + line + ": not JSON: " + e.getOriginalMessage());
            }
            LabelledJson article = LabelledJson.parse(node, name + ":" + line);
            score(article, name + ":" + line, result);
        }
        return result;
    }

    private void score(LabelledJson article, String where, Result result) {
        String main = topLevelOf(article.topics().get(0));
        if (main == null) {
            throw new IllegalArgumentException(where + ": field topics: " + article.topics().get(0)
                    + " is not a live IPTC Media Topic");
        }
        Set<String> expectedTop = new LinkedHashSet<>();
        Set<String> expectedLevel2 = new LinkedHashSet<>();
        for (String q : article.topics()) {
            String top = topLevelOf(q);
            if (top != null) {
                expectedTop.add(top);
            }
            String level2 = level2Of(q);
            if (level2 != null) {
                expectedLevel2.add(level2);
            }
        }
        EnrichedArticle.Builder builder = builder(article);
        annotator.annotate(builder);
        List<Topic> topics = builder.getTopics();
        Topic best = null;
        Set<String> givenLevel2 = new LinkedHashSet<>();
        for (Topic t : topics) {
            if (t.getLevel() == 1) {
                if (best == null || t.getScore() > best.getScore()) {
                    best = t;
                }
                int b = Math.min(BINS - 1, (int) Math.floor(t.getScore() * BINS));
                result.binTopics[b]++;
                if (expectedTop.contains(t.getQcode())) {
                    result.binRight[b]++;
                }
            } else {
                String level2 = level2Of(t.getQcode());
                if (level2 != null) {
                    givenLevel2.add(level2);
                }
            }
        }
        result.articles++;
        int expected = topLevels.indexOf(main);
        if (best != null && best.getQcode().equals(main)) {
            result.right++;
            result.truePositive[expected]++;
        } else {
            result.falseNegative[expected]++;
            if (best != null) {
                result.falsePositive[topLevels.indexOf(best.getQcode())]++;
            }
            result.misses.add(where + " " + main + " -> " + (best == null ? "none" : best.getQcode() + " " + best.getLabel())
                    + " | " + article.headline());
        }
        for (String q : givenLevel2) {
            if (expectedLevel2.contains(q)) {
                result.level2TruePositive++;
            } else {
                result.level2FalsePositive++;
            }
        }
        for (String q : expectedLevel2) {
            if (!givenLevel2.contains(q)) {
                result.level2FalseNegative++;
            }
        }
    }

    private String topLevelOf(String qcode) {
        TopicConcept c = kb.topic(qcode);
        if (c == null) {
            return null;
        }
        return c.level() == 1 ? c.qcode() : kb.topics().get(c.ancestors().get(c.ancestors().size() - 1)).qcode();
    }

    private String level2Of(String qcode) {
        TopicConcept c = kb.topic(qcode);
        if (c == null || c.level() < 2) {
            return null;
        }
        return c.level() == 2 ? c.qcode() : kb.topics().get(c.ancestors().get(c.ancestors().size() - 2)).qcode();
    }

    static EnrichedArticle.Builder builder(LabelledJson article) {
        return EnrichedArticle.newBuilder()
                .setArticleId(article.id() == null ? "eval" : article.id())
                .setPublisherId("eval")
                .setVersion(1)
                .setAction(ArticleAction.values()[0])
                .setSourceFormat(SourceFormat.values()[0])
                .setReceivedAt(Instant.EPOCH)
                .setEnrichedAt(Instant.EPOCH)
                .setHeadline(article.headline())
                .setBody(new ArrayList<>(article.body()))
                .setImages(new ArrayList<>())
                .setCleanup(CleanupReport.newBuilder().build())
                .setContentHash("0");
    }
}
