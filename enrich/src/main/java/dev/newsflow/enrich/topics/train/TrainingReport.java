package dev.newsflow.enrich.topics.train;

import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.topics.TopicModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What training measured: top-level accuracy on the held-out split and on the cross-fitted scores,
 * by source; the calibration table; second-level micro-F1 where the held-out texts are labelled at
 * the second level. Plain text with fixed formatting, so the same data gives the same report.
 */
public final class TrainingReport {
    /** Calibration table bins: [0, 0.1), …, [0.9, 1.0]. */
    static final int BINS = 10;

    private final String text;
    private final Map<String, double[]> heldOutAccuracy; // source -> {right, total}
    private final double[][] heldOutBins; // per bin {right, total}

    private TrainingReport(String text, Map<String, double[]> heldOutAccuracy, double[][] heldOutBins) {
        this.text = text;
        this.heldOutAccuracy = heldOutAccuracy;
        this.heldOutBins = heldOutBins;
    }

    public String text() {
        return text;
    }

    /** Top-level accuracy on the held-out split, all sources. */
    public double heldOutAccuracy() {
        double[] all = heldOutAccuracy.get("all");
        return all == null || all[1] == 0 ? Double.NaN : all[0] / all[1];
    }

    static TrainingReport of(TopicModel model, String[] topQcodes, String[] level2Qcodes, int[] level2Parent,
                             List<TopicTrainer.Doc> training, double[][] outOfFold, double[][] outOfFoldLevel2,
                             List<TopicTrainer.Doc> heldOut, TopicTrainer.Fitted fitted, TopicTrainer.Settings settings,
                             KnowledgeBase kb) {
        StringBuilder out = new StringBuilder();
        out.append("# Topic model training report\n\n");
        out.append(String.format(Locale.ROOT, "Model: %,d features, %d top-level topics, %d second-level topics.%n%n",
                model.features(), topQcodes.length, level2Qcodes.length));

        Map<String, double[]> heldOutAccuracy = new LinkedHashMap<>();
        double[][] heldOutBins = new double[BINS][2];
        Map<String, double[]> level2Counts = new LinkedHashMap<>(); // source -> {tp, fp, fn}
        for (TopicTrainer.Doc d : heldOut) {
            double[] p = fitted.topProbabilities(d);
            double[] calibrated = new double[p.length];
            for (int c = 0; c < p.length; c++) {
                calibrated[c] = model.topCalibration().apply(p[c]);
            }
            count(heldOutAccuracy, d, argmax(p) == d.main);
            if (settings.calibrationWeights().getOrDefault(d.article.source(), 0.0) > 0) {
                bin(heldOutBins, calibrated, d);
            }
            if (hasLevel2(d)) {
                double[] z = fitted.level2Logits(d);
                int best = argmax(p);
                double[] counts = level2Counts.computeIfAbsent(d.article.source(), s -> new double[3]);
                double[] all = level2Counts.computeIfAbsent("all", s -> new double[3]);
                for (int c = 0; c < level2Qcodes.length; c++) {
                    int parent = level2Parent[c];
                    boolean emittedParent = parent == best || calibrated[parent] >= model.topEmit();
                    boolean emitted = emittedParent
                            && calibrated[parent] * model.level2Probability(z[c]) >= model.level2Emit();
                    boolean right = d.level2.contains(level2Qcodes[c]);
                    tally(counts, all, emitted, right);
                }
                for (String q : d.level2) { // labels the model has no class for are misses too
                    if (!List.of(level2Qcodes).contains(q)) {
                        counts[2]++;
                        all[2]++;
                    }
                }
            }
        }
        Map<String, double[]> outOfFoldAccuracy = new LinkedHashMap<>();
        double[][] outOfFoldBins = new double[BINS][2];
        for (int i = 0; i < training.size(); i++) {
            TopicTrainer.Doc d = training.get(i);
            count(outOfFoldAccuracy, d, argmax(outOfFold[i]) == d.main);
            if (settings.calibrationWeights().getOrDefault(d.article.source(), 0.0) > 0) {
                double[] calibrated = new double[outOfFold[i].length];
                for (int c = 0; c < calibrated.length; c++) {
                    calibrated[c] = model.topCalibration().apply(outOfFold[i][c]);
                }
                bin(outOfFoldBins, calibrated, d);
            }
        }

        out.append("## Top-level accuracy (the best-scored top-level topic is the text's main one)\n\n");
        out.append("| source | held-out split | cross-fitted (training texts, each scored by a model that did not see it) |\n");
        out.append("|---|---|---|\n");
        for (String source : sources(heldOutAccuracy, outOfFoldAccuracy)) {
            out.append("| ").append(source).append(" | ").append(share(heldOutAccuracy.get(source))).append(" | ")
                    .append(share(outOfFoldAccuracy.get(source))).append(" |\n");
        }
        out.append("\n## Written articles, cross-fitted: most frequent confusions (expected → given)\n\n");
        Map<String, int[]> confusions = new java.util.TreeMap<>();
        for (int i = 0; i < training.size(); i++) {
            TopicTrainer.Doc d = training.get(i);
            int given = argmax(outOfFold[i]);
            if (d.article.source().equals(TrainingData.WRITTEN) && given != d.main) {
                confusions.computeIfAbsent(kb.topic(topQcodes[d.main]).label() + " → " + kb.topic(topQcodes[given]).label(),
                        k -> new int[1])[0]++;
            }
        }
        confusions.entrySet().stream()
                .sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? b.getValue()[0] - a.getValue()[0] : a.getKey().compareTo(b.getKey()))
                .limit(15)
                .forEach(e -> out.append("- ").append(e.getKey()).append(": ").append(e.getValue()[0]).append('\n'));
        out.append("\n## Calibration of top-level scores (news-like sources: ")
                .append(String.join(", ", settings.calibrationWeights().keySet())).append(")\n\n");
        out.append("Every top-level topic of every text counts once: of the topics given a score in the bin, the share that")
                .append(" were among the text's labels.\n\n");
        out.append("| score | held-out: topics | held-out: right | cross-fitted: topics | cross-fitted: right |\n");
        out.append("|---|---|---|---|---|\n");
        for (int b = BINS - 1; b >= 0; b--) {
            out.append(String.format(Locale.ROOT, "| %.1f–%.1f | %,d | %s | %,d | %s |%n", b / 10.0, (b + 1) / 10.0,
                    (long) heldOutBins[b][1], share(heldOutBins[b]), (long) outOfFoldBins[b][1], share(outOfFoldBins[b])));
        }
        double[] high = {0, 0};
        for (int b = 8; b < BINS; b++) {
            high[0] += heldOutBins[b][0];
            high[1] += heldOutBins[b][1];
        }
        out.append(String.format(Locale.ROOT, "%nHeld-out: of top-level topics scored ≥ 0.8, right: %s (%,d topics).%n",
                share(high), (long) high[1]));
        out.append("\n## Second level (held-out texts labelled at the second level)\n\n");
        out.append("| source | precision | recall | micro-F1 |\n|---|---|---|---|\n");
        for (Map.Entry<String, double[]> e : level2Counts.entrySet()) {
            double[] c = e.getValue();
            double precision = c[0] + c[1] == 0 ? 0 : c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : c[0] / (c[0] + c[2]);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", e.getKey(), precision, recall, f1));
        }
        out.append("\n## Second-level topics with a model\n\n");
        List<String> labels = new ArrayList<>();
        for (String q : level2Qcodes) {
            labels.add(q + " " + kb.topic(q).label());
        }
        out.append(String.join("; ", labels)).append("\n");
        return new TrainingReport(out.toString(), heldOutAccuracy, heldOutBins);
    }

    private static boolean hasLevel2(TopicTrainer.Doc d) {
        for (boolean b : d.level2Labelled) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static void tally(double[] counts, double[] all, boolean emitted, boolean right) {
        int slot = emitted && right ? 0 : emitted ? 1 : right ? 2 : -1;
        if (slot >= 0) {
            counts[slot]++;
            all[slot]++;
        }
    }

    private static List<String> sources(Map<String, double[]> a, Map<String, double[]> b) {
        List<String> sources = new ArrayList<>(b.keySet());
        for (String s : a.keySet()) {
            if (!sources.contains(s)) {
                sources.add(s);
            }
        }
        sources.remove("all");
        sources.add("all");
        return sources;
    }

    private static void count(Map<String, double[]> accuracy, TopicTrainer.Doc d, boolean right) {
        for (String key : List.of(d.article.source(), "all")) {
            double[] c = accuracy.computeIfAbsent(key, k -> new double[2]);
            c[1]++;
            if (right) {
                c[0]++;
            }
        }
    }

    private static void bin(double[][] bins, double[] calibrated, TopicTrainer.Doc d) {
        for (int c = 0; c < calibrated.length; c++) {
            int b = Math.min(BINS - 1, (int) Math.floor(calibrated[c] * BINS));
            bins[b][1]++;
            if (d.topSet[c]) {
                bins[b][0]++;
            }
        }
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static String share(double[] c) {
        if (c == null || c[1] == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.3f (%,d/%,d)", c[0] / c[1], (long) c[0], (long) c[1]);
    }
}
