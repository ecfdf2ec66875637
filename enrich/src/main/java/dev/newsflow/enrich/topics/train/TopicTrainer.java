package dev.newsflow.enrich.topics.train;

import dev.newsflow.platform.digest.Sha256;
import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.KnowledgeBaseAnnotator;
import dev.newsflow.enrich.annotate.TopicConcept;
import dev.newsflow.enrich.annotate.TopicEvidence;
import dev.newsflow.enrich.topics.ArticleFeatureExtractor;
import dev.newsflow.enrich.topics.Calibration;
import dev.newsflow.enrich.topics.EntityEvidence;
import dev.newsflow.enrich.topics.FeatureVector;
import dev.newsflow.enrich.topics.KnowledgeBaseEntityEvidence;
import dev.newsflow.enrich.topics.TopicLexicon;
import dev.newsflow.enrich.topics.TopicModel;
import dev.newsflow.schema.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the IPTC topic model. Why this design: with ~10<sup>4</sup> short labelled texts and a few
 * hundred full articles, a linear model over words, word pairs, entity evidence and the keyword
 * lexicon is as accurate as anything heavier would be on this much data, trains in seconds, scores an
 * article in microseconds and is easy to calibrate. Multinomial logistic regression (not a linear SVM)
 * because its outputs are probabilities to begin with, which calibration then only has to straighten;
 * our own L-BFGS (not a library) because ~150 lines give a solver that is single-threaded and
 * deterministic to the bit, which the byte-identical-model rule needs, and the topology never runs it.
 *
 * <p>Steps: features of every text through the same code the topology runs; a fixed {@code heldOut}
 * share (by a hash of the id) is never trained on and gives the held-out figures; the rest is split into
 * folds, and a model trained without each fold scores it, so every training text gets a held-out score
 * — those scores fit the calibration (isotonic for top-level topics, Platt for second-level ones); then
 * the final model is trained on all of the rest.
 */
public final class TopicTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTrainer.class);

    /**
     * @param lambda              L2 penalty of the top-level model's word and word-pair weights (per unit of mean
     *                            sample weight)
     * @param evidenceLambda      L2 penalty of its entity-evidence and lexicon-share weights: higher than the words',
     *                            because those few features are in nearly every text and, left loose, learn the
     *                            summaries' habits (a head of government named → politics) so firmly that a story's
     *                            second top level is scored away; the words, each in few texts, can be let loose
     * @param level2Lambda        L2 penalty of each second-level model
     * @param minDocumentFrequency least number of training texts a word or word pair must occur in
     * @param folds               cross-fitting folds for the calibration
     * @param heldOutPercent      share of texts never trained on, for the held-out figures
     * @param classBalance        0 = weights as they come, 1 = every top-level topic weighs the same in total
     * @param sourceWeights       weight of one text of each source
     * @param calibrationWeights  how much each source's held-out scores count in the calibration (news-like
     *                            sources only: IPTC definitions and CrossNER sentences are not news)
     * @param level2MinPositives  least labelled texts for a second-level topic to get a model
     * @param topEmit             least calibrated score for a top-level topic other than the best
     * @param level2Emit          least score for a second-level topic
     * @param maxIterations       L-BFGS iterations per model
     * @param pruneBelow          words and word pairs whose every weight stays below this are dropped and the
     *                            models trained again without them: a smaller model scores faster (its tables
     *                            stay in the processor's cache) and loses nothing it used; past 32,768 keys the
     *                            model's lookup table doubles and scoring slows by ~15 % (BENCHMARKS.md)
     */
    public record Settings(double lambda, double evidenceLambda, double level2Lambda, int minDocumentFrequency, int folds, int heldOutPercent,
                           double classBalance, Map<String, Double> sourceWeights, Map<String, Double> calibrationWeights,
                           int level2MinPositives, float topEmit, float level2Emit, int maxIterations, double pruneBelow) {

        public static Settings defaults() {
            Map<String, Double> sources = new LinkedHashMap<>();
            sources.put(TrainingData.WRITTEN, 4.0);
            sources.put(TrainingData.WRITTEN_PARAGRAPH, 1.0);
            sources.put(TrainingData.CURRENT_EVENTS, 1.0);
            sources.put(TrainingData.IPTC, 1.0);
            sources.put(TrainingData.CROSSNER, 0.5);
            Map<String, Double> calibration = new LinkedHashMap<>();
            calibration.put(TrainingData.WRITTEN, 1.0);
            calibration.put(TrainingData.CURRENT_EVENTS, 1.0);
            return new Settings(1e-5, 3e-4, 3e-4, 2, 5, 10, 0.5, sources, calibration, 4, 0.3f, 0.5f, 300, 0.12);
        }

        double sourceWeight(String source) {
            return sourceWeights.getOrDefault(source, 1.0);
        }
    }

    /**
     * The model, what was measured while making it, and the trainer's own view of the final model (its
     * unrounded weights over the features the trainer extracted): what the topology computes from the
     * model file must agree with it, which a test checks.
     */
    public record Outcome(TopicModel model, TrainingReport report,
                          java.util.function.Function<TrainingArticle, double[]> trainerProbabilities) {
    }

    /** One training text as features and labels. */
    static final class Doc {
        final TrainingArticle article;
        final long[] keys;
        final float[] raw;
        final byte[] block;
        final double[] target;
        final boolean[] topSet;
        final int main;
        final Set<String> level2;
        final boolean[] level2Labelled;
        final boolean heldOut;
        final int fold;
        double weight;

        Doc(TrainingArticle article, long[] keys, float[] raw, byte[] block, double[] target, boolean[] topSet, int main,
            Set<String> level2, boolean[] level2Labelled, boolean heldOut, int fold) {
            this.article = article;
            this.keys = keys;
            this.raw = raw;
            this.block = block;
            this.target = target;
            this.topSet = topSet;
            this.main = main;
            this.level2 = level2;
            this.level2Labelled = level2Labelled;
            this.heldOut = heldOut;
            this.fold = fold;
        }
    }

    private final KnowledgeBase kb;
    private final KnowledgeBaseAnnotator annotator;
    private final ArticleFeatureExtractor extractor;
    private final String[] topQcodes;
    private final Map<String, Integer> topIndex = new HashMap<>();
    private TopicLexicon lexicon;

    public TopicTrainer(KnowledgeBase kb) {
        this(kb, new KnowledgeBaseEntityEvidence(kb));
    }

    public TopicTrainer(KnowledgeBase kb, EntityEvidence entityEvidence) {
        this.kb = kb;
        // Topics are what is being trained: the annotator here only finds entities and keyword hits.
        this.annotator = new KnowledgeBaseAnnotator(kb, evidence -> List.of());
        this.extractor = new ArticleFeatureExtractor(entityEvidence);
        List<String> tops = new ArrayList<>();
        for (TopicConcept c : kb.topics()) {
            if (c.level() == 1) {
                topIndex.put(c.qcode(), tops.size());
                tops.add(c.qcode());
            }
        }
        topQcodes = tops.toArray(new String[0]);
    }

    public Outcome train(List<TrainingArticle> articles, Settings settings) {
        long started = System.nanoTime();
        lexicon = TopicLexicon.compile(kb, words(articles));
        List<Doc> docs = new ArrayList<>(articles.size());
        for (TrainingArticle a : articles) {
            Doc d = doc(a, settings);
            if (d != null) {
                docs.add(d);
            }
        }
        LOG.info("features of {} training texts in {} ms", docs.size(), (System.nanoTime() - started) / 1_000_000);
        List<Doc> training = docs.stream().filter(d -> !d.heldOut).toList();
        List<Doc> heldOut = docs.stream().filter(d -> d.heldOut).toList();
        weigh(training, settings);
        weigh(heldOut, settings);
        String[] level2Qcodes = level2Classes(training, settings);
        int[] level2Parent = new int[level2Qcodes.length];
        for (int c = 0; c < level2Qcodes.length; c++) {
            TopicConcept concept = kb.topic(level2Qcodes[c]);
            level2Parent[c] = topIndex.get(kb.topics().get(concept.parent()).qcode());
        }

        // Cross-fitting: every training text scored by a model that never saw it.
        double[][] outOfFold = new double[training.size()][];
        double[][] outOfFoldLevel2 = new double[training.size()][];
        boolean[][] outOfFoldLevel2Known = new boolean[training.size()][];
        for (int fold = 0; fold < settings.folds(); fold++) {
            int f = fold;
            List<Doc> fit = training.stream().filter(d -> d.fold != f).toList();
            Fitted model = fit(fit, level2Qcodes, level2Parent, settings);
            for (int i = 0; i < training.size(); i++) {
                Doc d = training.get(i);
                if (d.fold == f) {
                    outOfFold[i] = model.topProbabilities(d);
                    outOfFoldLevel2[i] = model.level2Logits(d);
                    outOfFoldLevel2Known[i] = model.level2Trained;
                }
            }
            LOG.info("fold {} of {} trained", fold + 1, settings.folds());
        }
        Calibration calibration = fitTopCalibration(training, outOfFold, settings);
        double[] platt = fitLevel2Calibration(training, outOfFoldLevel2, outOfFoldLevel2Known, level2Qcodes, level2Parent,
                settings);

        float level2Emit = chooseLevel2Emit(training, outOfFold, outOfFoldLevel2, outOfFoldLevel2Known, level2Qcodes,
                level2Parent, calibration, platt, settings);
        Settings chosen = new Settings(settings.lambda(), settings.evidenceLambda(), settings.level2Lambda(), settings.minDocumentFrequency(),
                settings.folds(), settings.heldOutPercent(), settings.classBalance(), settings.sourceWeights(),
                settings.calibrationWeights(), settings.level2MinPositives(), settings.topEmit(), level2Emit,
                settings.maxIterations(), settings.pruneBelow());
        Fitted finalModel = fit(training, level2Qcodes, level2Parent, chosen);
        TopicModel model = finalModel.toModel(description(articles, docs, chosen), calibration, platt, chosen);
        TrainingReport report = TrainingReport.of(model, topQcodes, level2Qcodes, level2Parent, training, outOfFold,
                outOfFoldLevel2, heldOut, finalModel, settings, kb);
        LOG.info("topic model trained in {} s", (System.nanoTime() - started) / 1_000_000_000);
        Settings used = chosen;
        return new Outcome(model, report, a -> {
            Doc d = doc(a, used);
            return d == null ? null : finalModel.topProbabilities(d);
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Texts to features

    private Doc doc(TrainingArticle a, Settings settings) {
        double[] target = new double[topQcodes.length];
        boolean[] topSet = new boolean[topQcodes.length];
        double total = 0;
        int main = -1;
        for (Map.Entry<String, Double> e : a.topLevel().entrySet()) {
            Integer k = topIndex.get(e.getKey());
            if (k == null || e.getValue() <= 0) {
                continue;
            }
            target[k] += e.getValue();
            topSet[k] = true;
            total += e.getValue();
            if (main < 0 || target[k] > target[main]) {
                main = k;
            }
        }
        if (total <= 0) {
            return null;
        }
        for (int k = 0; k < target.length; k++) {
            target[k] /= total;
        }
        boolean[] level2Labelled = new boolean[topQcodes.length];
        for (String q : a.level2()) {
            TopicConcept c = kb.topic(q);
            if (c != null && c.level() == 2) {
                level2Labelled[topIndex.get(kb.topics().get(c.parent()).qcode())] = true;
            }
        }
        EnrichedArticle.Builder builder = EnrichedArticle.newBuilder()
                .setHeadline(a.headline() == null ? "" : a.headline())
                .setBody(new ArrayList<>(a.body()))
                .setImages(new ArrayList<>());
        TopicEvidence evidence = annotator.evidence(builder);
        TreeMap<Long, float[]> features = new TreeMap<>(); // {value, block}
        extractor.extract(evidence, new ArticleFeatureExtractor.Blocks() {
            @Override
            public void word(long key, float value, float lexiconWeight) {
                add(key, value, FeatureVector.WORD);
                for (TopicLexicon.Entry e : lexicon.entries(key)) {
                    float[] v = features.computeIfAbsent(e.target(),
                            k -> new float[] {0, e.topLevel() ? FeatureVector.LEXICON : FeatureVector.LEXICON2});
                    v[0] = (float) TopicLexicon.add(v[0], e.weight() * lexiconWeight);
                }
            }

            @Override
            public void entity(long key, float value) {
                add(key, value, FeatureVector.ENTITY);
            }

            private void add(long key, float value, byte block) {
                float[] v = features.computeIfAbsent(key, k -> new float[] {0, block});
                v[0] += value;
            }
        });
        double lexiconTotal = 0;
        for (float[] v : features.values()) {
            if (v[1] == FeatureVector.LEXICON) {
                lexiconTotal += v[0];
            }
        }
        for (float[] v : features.values()) {
            if (v[1] == FeatureVector.LEXICON || v[1] == FeatureVector.LEXICON2) {
                v[0] = TopicLexicon.share(v[0], lexiconTotal);
            }
        }
        long[] keys = new long[features.size()];
        float[] raw = new float[keys.length];
        byte[] block = new byte[keys.length];
        int i = 0;
        for (Map.Entry<Long, float[]> e : features.entrySet()) {
            keys[i] = e.getKey();
            raw[i] = e.getValue()[0];
            block[i] = (byte) e.getValue()[1];
            i++;
        }
        String group = a.id().contains("#") ? a.id().substring(0, a.id().indexOf('#')) : a.id();
        long h = stableHash(group); // parts of one article share its split and fold
        boolean heldOut = Math.floorMod(h, 100) < settings.heldOutPercent();
        int fold = (int) Math.floorMod(h >>> 20, (long) settings.folds());
        return new Doc(a, keys, raw, block, target, topSet, main, a.level2(), level2Labelled, heldOut, fold);
    }

    /** Lower-case words of the training texts: the prefix keywords of the lexicon expand over them. */
    static java.util.Set<String> words(List<TrainingArticle> articles) {
        java.util.Set<String> words = new java.util.TreeSet<>();
        for (TrainingArticle a : articles) {
            collectWords(a.headline(), words);
            for (String p : a.body()) {
                collectWords(p, words);
            }
        }
        return words;
    }

    private static void collectWords(String text, java.util.Set<String> words) {
        if (text == null) {
            return;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i - start >= 2) {
                words.add(text.substring(start, i).toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /** A hash of the id that does not change between JVMs or Java versions (String.hashCode would do, but say so). */
    static long stableHash(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h & Long.MAX_VALUE;
    }

    /** Source weight × partial class balancing (by the main top-level topic's total weight). */
    private void weigh(List<Doc> docs, Settings settings) {
        double[] classTotal = new double[topQcodes.length];
        for (Doc d : docs) {
            double w = settings.sourceWeight(d.article.source()) * d.article.weight();
            for (int k = 0; k < topQcodes.length; k++) {
                classTotal[k] += w * d.target[k];
            }
        }
        double present = 0;
        double sum = 0;
        for (double t : classTotal) {
            if (t > 0) {
                present++;
                sum += t;
            }
        }
        double mean = present == 0 ? 1 : sum / present;
        for (Doc d : docs) {
            double factor = 0;
            for (int k = 0; k < topQcodes.length; k++) {
                if (d.target[k] > 0) {
                    factor += d.target[k] * Math.pow(mean / classTotal[k], settings.classBalance());
                }
            }
            d.weight = settings.sourceWeight(d.article.source()) * d.article.weight() * factor;
        }
    }

    private String[] level2Classes(List<Doc> training, Settings settings) {
        Map<String, Integer> positives = new HashMap<>();
        for (Doc d : training) {
            for (String q : d.level2) {
                positives.merge(q, 1, Integer::sum);
            }
        }
        List<String> classes = new ArrayList<>();
        for (TopicConcept c : kb.topics()) {
            if (c.level() == 2 && positives.getOrDefault(c.qcode(), 0) >= settings.level2MinPositives()) {
                classes.add(c.qcode());
            }
        }
        return classes.toArray(new String[0]);
    }

    // ---------------------------------------------------------------------------------------------
    // Fitting

    /** Vocabulary: words and word pairs in enough texts; every entity and lexicon feature seen. */
    private static Vocabulary vocabulary(List<Doc> docs, Settings settings) {
        Map<Long, int[]> df = new HashMap<>();
        Map<Long, Byte> blocks = new HashMap<>();
        int counted = 0;
        for (Doc d : docs) {
            // A paragraph repeats its article's words: counting it would double their document frequency.
            if (d.article.source().equals(TrainingData.WRITTEN_PARAGRAPH)) {
                continue;
            }
            counted++;
            for (int i = 0; i < d.keys.length; i++) {
                df.computeIfAbsent(d.keys[i], k -> new int[1])[0]++;
                blocks.putIfAbsent(d.keys[i], d.block[i]);
            }
        }
        long[] keys = df.entrySet().stream()
                .filter(e -> blocks.get(e.getKey()) != FeatureVector.WORD || e.getValue()[0] >= settings.minDocumentFrequency())
                .mapToLong(Map.Entry::getKey).sorted().toArray();
        byte[] block = new byte[keys.length];
        float[] idf = new float[keys.length];
        double n = counted;
        for (int i = 0; i < keys.length; i++) {
            block[i] = blocks.get(keys[i]);
            idf[i] = (float) (Math.log((n + 1) / (df.get(keys[i])[0] + 1)) + 1);
        }
        return new Vocabulary(keys, block, idf);
    }

    record Vocabulary(long[] keys, byte[] block, float[] idf) {
        int size() {
            return keys.length;
        }

        /** The document's feature vector over this vocabulary: {indexes, values}. */
        Object[] vector(Doc d) {
            int[] index = new int[d.keys.length];
            float[] value = new float[d.keys.length];
            int n = 0;
            for (int i = 0; i < d.keys.length; i++) {
                int f = Arrays.binarySearch(keys, d.keys[i]);
                if (f >= 0) {
                    index[n] = f;
                    value[n] = d.raw[i];
                    n++;
                }
            }
            FeatureVector.weigh(n, index, value, block, idf);
            return new Object[] {Arrays.copyOf(index, n), Arrays.copyOf(value, n)};
        }

        SparseRows rows(List<Doc> docs) {
            int[] start = new int[docs.size() + 1];
            List<Object[]> vectors = new ArrayList<>(docs.size());
            for (int i = 0; i < docs.size(); i++) {
                Object[] v = vector(docs.get(i));
                vectors.add(v);
                start[i + 1] = start[i] + ((int[]) v[0]).length;
            }
            int[] column = new int[start[docs.size()]];
            float[] value = new float[column.length];
            for (int i = 0; i < docs.size(); i++) {
                Object[] v = vectors.get(i);
                System.arraycopy(v[0], 0, column, start[i], start[i + 1] - start[i]);
                System.arraycopy(v[1], 0, value, start[i], start[i + 1] - start[i]);
            }
            return new SparseRows(start, column, value);
        }
    }

    /** A trained top-level model and second-level models over one vocabulary. */
    final class Fitted {
        final Vocabulary vocabulary;
        final double[] top; // F*K weights, then K biases
        final String[] level2Qcodes;
        final int[] level2Parent;
        final double[] level2Bias;
        final int[][] level2Features;
        final double[][] level2Weights;
        final boolean[] level2Trained;

        Fitted(Vocabulary vocabulary, double[] top, String[] level2Qcodes, int[] level2Parent, double[] level2Bias,
               int[][] level2Features, double[][] level2Weights, boolean[] level2Trained) {
            this.vocabulary = vocabulary;
            this.top = top;
            this.level2Qcodes = level2Qcodes;
            this.level2Parent = level2Parent;
            this.level2Bias = level2Bias;
            this.level2Features = level2Features;
            this.level2Weights = level2Weights;
            this.level2Trained = level2Trained;
        }

        /** The vocabulary without the words and word pairs whose weights all stay below the threshold. */
        Vocabulary pruned(double threshold) {
            int k = topQcodes.length;
            int f = vocabulary.size();
            double[] importance = new double[f];
            for (int i = 0; i < f; i++) {
                for (int c = 0; c < k; c++) {
                    importance[i] = Math.max(importance[i], Math.abs(top[i * k + c]));
                }
            }
            for (int c = 0; c < level2Qcodes.length; c++) {
                for (int j = 0; j < level2Features[c].length; j++) {
                    int i = level2Features[c][j];
                    importance[i] = Math.max(importance[i], Math.abs(level2Weights[c][j]));
                }
            }
            int kept = 0;
            boolean[] keep = new boolean[f];
            for (int i = 0; i < f; i++) {
                keep[i] = vocabulary.block()[i] != FeatureVector.WORD || importance[i] >= threshold;
                kept += keep[i] ? 1 : 0;
            }
            long[] keys = new long[kept];
            byte[] block = new byte[kept];
            float[] idf = new float[kept];
            int at = 0;
            for (int i = 0; i < f; i++) {
                if (keep[i]) {
                    keys[at] = vocabulary.keys()[i];
                    block[at] = vocabulary.block()[i];
                    idf[at] = vocabulary.idf()[i];
                    at++;
                }
            }
            return new Vocabulary(keys, block, idf);
        }

        double[] topProbabilities(Doc d) {
            Object[] v = vocabulary.vector(d);
            int[] index = (int[]) v[0];
            float[] value = (float[]) v[1];
            int k = topQcodes.length;
            int f = vocabulary.size();
            double[] z = new double[k];
            for (int c = 0; c < k; c++) {
                z[c] = top[f * k + c];
            }
            for (int j = 0; j < index.length; j++) {
                for (int c = 0; c < k; c++) {
                    z[c] += value[j] * top[index[j] * k + c];
                }
            }
            return softmax(z);
        }

        double[] level2Logits(Doc d) {
            Object[] v = vocabulary.vector(d);
            int[] index = (int[]) v[0];
            float[] value = (float[]) v[1];
            double[] z = new double[level2Qcodes.length];
            for (int c = 0; c < z.length; c++) {
                z[c] = level2Bias[c];
                int[] features = level2Features[c];
                double[] weights = level2Weights[c];
                for (int j = 0; j < index.length; j++) {
                    int p = Arrays.binarySearch(features, index[j]);
                    if (p >= 0) {
                        z[c] += value[j] * weights[p];
                    }
                }
            }
            return z;
        }

        /**
         * The model file's contents: the vocabulary plus every key the lexicon fires on (those not in the
         * vocabulary as {@link FeatureVector#TRIGGER}s without weights), weights in 16 bits.
         */
        TopicModel toModel(String description, Calibration calibration, double[] platt, Settings settings) {
            int k = topQcodes.length;
            int vocabularySize = vocabulary.size();
            TreeMap<Long, Integer> all = new TreeMap<>();
            for (int i = 0; i < vocabularySize; i++) {
                all.put(vocabulary.keys()[i], i);
            }
            for (long key : lexicon.keys()) {
                all.putIfAbsent(key, -1);
            }
            int f = all.size();
            long[] keys = new long[f];
            byte[] block = new byte[f];
            float[] idf = new float[f];
            int[] fromVocabulary = new int[f];
            Map<Long, Integer> finalIndex = new HashMap<>();
            int at = 0;
            for (Map.Entry<Long, Integer> e : all.entrySet()) {
                keys[at] = e.getKey();
                int v = e.getValue();
                fromVocabulary[at] = v;
                block[at] = v < 0 ? FeatureVector.TRIGGER : vocabulary.block()[v];
                idf[at] = v < 0 ? 0 : vocabulary.idf()[v];
                finalIndex.put(e.getKey(), at);
                at++;
            }
            float[] weights = new float[f * k];
            for (int i = 0; i < f; i++) {
                int v = fromVocabulary[i];
                if (v >= 0) {
                    for (int c = 0; c < k; c++) {
                        weights[i * k + c] = (float) top[v * k + c];
                    }
                }
            }
            float[] bias = new float[k];
            for (int c = 0; c < k; c++) {
                bias[c] = (float) top[vocabularySize * k + c];
            }
            // Second-level weights by feature (the order the topology reads them in).
            int[] vocabularyToFinal = new int[vocabularySize];
            for (int i = 0; i < f; i++) {
                if (fromVocabulary[i] >= 0) {
                    vocabularyToFinal[fromVocabulary[i]] = i;
                }
            }
            List<List<int[]>> byFeature = new ArrayList<>();
            for (int i = 0; i < f; i++) {
                byFeature.add(new ArrayList<>());
            }
            List<Float> level2Values = new ArrayList<>();
            for (int c = 0; c < level2Qcodes.length; c++) {
                for (int j = 0; j < level2Features[c].length; j++) {
                    if (level2Weights[c][j] != 0) {
                        byFeature.get(vocabularyToFinal[level2Features[c][j]]).add(new int[] {c, level2Values.size()});
                        level2Values.add((float) level2Weights[c][j]);
                    }
                }
            }
            int[] start = new int[f + 1];
            for (int i = 0; i < f; i++) {
                start[i + 1] = start[i] + byFeature.get(i).size();
            }
            int[] cls = new int[start[f]];
            float[] w2 = new float[start[f]];
            for (int i = 0; i < f; i++) {
                int e = start[i];
                for (int[] entry : byFeature.get(i)) {
                    cls[e] = entry[0];
                    w2[e] = level2Values.get(entry[1]);
                    e++;
                }
            }
            float[] b2 = new float[level2Qcodes.length];
            for (int c = 0; c < b2.length; c++) {
                b2[c] = (float) level2Bias[c];
            }
            // Lexicon entries, on lexicon features the vocabulary has.
            int[] lexiconStart = new int[f + 1];
            List<int[]> targets = new ArrayList<>();
            List<Float> lexiconValues = new ArrayList<>();
            for (int i = 0; i < f; i++) {
                for (TopicLexicon.Entry e : lexicon.entries(keys[i])) {
                    Integer target = finalIndex.get(e.target());
                    if (target != null && fromVocabulary[target] >= 0) {
                        targets.add(new int[] {target});
                        lexiconValues.add(e.weight());
                    }
                }
                lexiconStart[i + 1] = targets.size();
            }
            int[] lexiconTarget = new int[targets.size()];
            float[] lexiconWeights = new float[targets.size()];
            for (int j = 0; j < lexiconTarget.length; j++) {
                lexiconTarget[j] = targets.get(j)[0];
                lexiconWeights[j] = lexiconValues.get(j);
            }
            Object[] quantised = TopicModel.quantise(weights);
            return new TopicModel(description, topQcodes, keys, block, idf, bias, (short[]) quantised[0],
                    (float) quantised[1], level2Qcodes, level2Parent, b2, start, cls, w2, lexiconStart, lexiconTarget,
                    lexiconWeights, calibration, (float) platt[0], (float) platt[1], settings.topEmit(),
                    settings.level2Emit());
        }
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private Fitted fit(List<Doc> docs, String[] level2Qcodes, int[] level2Parent, Settings settings) {
        Fitted full = fit(vocabulary(docs, settings), docs, level2Qcodes, level2Parent, settings);
        if (settings.pruneBelow() <= 0) {
            return full;
        }
        return fit(full.pruned(settings.pruneBelow()), docs, level2Qcodes, level2Parent, settings);
    }

    private Fitted fit(Vocabulary vocabulary, List<Doc> docs, String[] level2Qcodes, int[] level2Parent, Settings settings) {
        SparseRows rows = vocabulary.rows(docs);
        double[] top = fitTop(rows, docs, vocabulary.size(), vocabulary.block(), settings);
        int classes = level2Qcodes.length;
        double[] bias = new double[classes];
        int[][] features = new int[classes][];
        double[][] weights = new double[classes][];
        boolean[] trained = new boolean[classes];
        for (int c = 0; c < classes; c++) {
            fitLevel2(c, level2Qcodes[c], level2Parent[c], rows, docs, vocabulary.size(), settings, bias, features, weights,
                    trained);
        }
        return new Fitted(vocabulary, top, level2Qcodes, level2Parent, bias, features, weights, trained);
    }

    /** Weighted multinomial logistic regression with soft targets and an L2 penalty on the weights. */
    private double[] fitTop(SparseRows rows, List<Doc> docs, int features, byte[] blocks, Settings settings) {
        int k = topQcodes.length;
        int n = rows.rows();
        double totalWeight = 0;
        for (Doc d : docs) {
            totalWeight += d.weight;
        }
        double norm = 1 / totalWeight;
        double lambda = settings.lambda();
        double evidenceLambda = settings.evidenceLambda();
        int biasAt = features * k;
        Lbfgs.Objective objective = (x, g) -> {
            Arrays.fill(g, 0);
            double loss = 0;
            double[] z = new double[k];
            for (int i = 0; i < n; i++) {
                Doc d = docs.get(i);
                for (int c = 0; c < k; c++) {
                    z[c] = x[biasAt + c];
                }
                for (int e = rows.start()[i]; e < rows.start()[i + 1]; e++) {
                    int row = rows.column()[e] * k;
                    double v = rows.value()[e];
                    for (int c = 0; c < k; c++) {
                        z[c] += v * x[row + c];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    max = Math.max(max, z[c]);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    sum += Math.exp(z[c] - max);
                }
                double logSum = max + Math.log(sum);
                double w = d.weight * norm;
                for (int c = 0; c < k; c++) {
                    double p = Math.exp(z[c] - logSum);
                    if (d.target[c] > 0) {
                        loss -= w * d.target[c] * (z[c] - logSum);
                    }
                    z[c] = w * (p - d.target[c]); // now the gradient of the loss by z[c]
                }
                for (int e = rows.start()[i]; e < rows.start()[i + 1]; e++) {
                    int row = rows.column()[e] * k;
                    double v = rows.value()[e];
                    for (int c = 0; c < k; c++) {
                        g[row + c] += v * z[c];
                    }
                }
                for (int c = 0; c < k; c++) {
                    g[biasAt + c] += z[c];
                }
            }
            for (int j = 0; j < biasAt; j++) {
                double l = blocks[j / k] == FeatureVector.WORD ? lambda : evidenceLambda;
                loss += 0.5 * l * x[j] * x[j];
                g[j] += l * x[j];
            }
            return loss;
        };
        Lbfgs.Result result = Lbfgs.minimise(objective, new double[biasAt + k], 8, settings.maxIterations(), 1e-6);
        LOG.debug("top-level model: {} features, loss {} after {} iterations", features, result.value(), result.iterations());
        return result.x();
    }

    /**
     * One second-level topic against its siblings: weighted binary logistic regression over the texts
     * that are labelled at the second level under the same top-level topic, on the features those texts
     * have (a feature none of them has would get no weight anyway).
     */
    private void fitLevel2(int c, String qcode, int parent, SparseRows rows, List<Doc> docs, int features, Settings settings,
                           double[] bias, int[][] featureOut, double[][] weightOut, boolean[] trained) {
        List<Integer> eligible = new ArrayList<>();
        double positive = 0;
        double negative = 0;
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            if (d.level2Labelled[parent] || d.article.level2Not().contains(qcode)) {
                eligible.add(i);
                if (d.level2.contains(qcode)) {
                    positive += d.weight;
                } else {
                    negative += d.weight;
                }
            }
        }
        if (positive == 0 || negative == 0) {
            featureOut[c] = new int[0];
            weightOut[c] = new double[0];
            bias[c] = positive == 0 ? -5 : 5;
            return;
        }
        int[] local = new int[features];
        Arrays.fill(local, -1);
        List<Integer> used = new ArrayList<>();
        for (int i : eligible) {
            for (int e = rows.start()[i]; e < rows.start()[i + 1]; e++) {
                int f = rows.column()[e];
                if (local[f] < 0) {
                    local[f] = 0;
                    used.add(f);
                }
            }
        }
        int[] support = used.stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int j = 0; j < support.length; j++) {
            local[support[j]] = j;
        }
        // Positives weigh more when rare, but not all the way to balance.
        double positiveFactor = Math.max(1, Math.sqrt(negative / positive));
        double total = positive * positiveFactor + negative;
        double lambda = settings.level2Lambda();
        int m = support.length;
        Lbfgs.Objective objective = (x, g) -> {
            Arrays.fill(g, 0);
            double loss = 0;
            for (int i : eligible) {
                Doc d = docs.get(i);
                boolean y = d.level2.contains(qcode);
                double w = d.weight * (y ? positiveFactor : 1) / total;
                double z = x[m];
                for (int e = rows.start()[i]; e < rows.start()[i + 1]; e++) {
                    z += rows.value()[e] * x[local[rows.column()[e]]];
                }
                double s = y ? 1 : -1;
                double margin = s * z;
                loss += w * (margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin)));
                double dz = -s * w / (1 + Math.exp(margin));
                for (int e = rows.start()[i]; e < rows.start()[i + 1]; e++) {
                    g[local[rows.column()[e]]] += dz * rows.value()[e];
                }
                g[m] += dz;
            }
            for (int j = 0; j < m; j++) {
                loss += 0.5 * lambda * x[j] * x[j];
                g[j] += lambda * x[j];
            }
            return loss;
        };
        Lbfgs.Result result = Lbfgs.minimise(objective, new double[m + 1], 8, settings.maxIterations(), 1e-6);
        double[] x = result.x();
        // Weights too small to change a score are left out of the model (each would move a logit by < 0.01).
        double floor = settings.pruneBelow() / 2;
        int kept = 0;
        for (int j = 0; j < m; j++) {
            if (Math.abs(x[j]) >= floor) {
                kept++;
            }
        }
        int[] f = new int[kept];
        double[] w = new double[kept];
        int at = 0;
        for (int j = 0; j < m; j++) {
            if (Math.abs(x[j]) >= floor) {
                f[at] = support[j];
                w[at] = x[j];
                at++;
            }
        }
        featureOut[c] = f;
        weightOut[c] = w;
        bias[c] = x[m];
        trained[c] = true;
    }

    // ---------------------------------------------------------------------------------------------
    // Calibration

    private Calibration fitTopCalibration(List<Doc> training, double[][] outOfFold, Settings settings) {
        List<Isotonic.Point> points = new ArrayList<>();
        Map<String, double[]> sourceTotals = new HashMap<>();
        for (Doc d : training) {
            sourceTotals.computeIfAbsent(d.article.source(), s -> new double[1])[0]++;
        }
        for (int i = 0; i < training.size(); i++) {
            Doc d = training.get(i);
            double w = settings.calibrationWeights().getOrDefault(d.article.source(), 0.0);
            if (w <= 0) {
                continue;
            }
            // Each calibration source counts in proportion to its weight, however many texts it has.
            w /= sourceTotals.get(d.article.source())[0];
            for (int c = 0; c < topQcodes.length; c++) {
                points.add(new Isotonic.Point(outOfFold[i][c], d.topSet[c], w));
            }
        }
        return Isotonic.fit(points);
    }

    private double[] fitLevel2Calibration(List<Doc> training, double[][] logits, boolean[][] known, String[] level2Qcodes,
                                          int[] level2Parent, Settings settings) {
        List<Platt.Point> points = new ArrayList<>();
        for (int i = 0; i < training.size(); i++) {
            Doc d = training.get(i);
            double w = settings.calibrationWeights().getOrDefault(d.article.source(), 0.0);
            if (w <= 0 || logits[i] == null) {
                continue;
            }
            for (int c = 0; c < level2Parent.length; c++) {
                if (known[i][c] && (d.level2Labelled[level2Parent[c]] || d.article.level2Not().contains(level2Qcodes[c]))) {
                    points.add(new Platt.Point(logits[i][c], d.level2.contains(level2Qcodes[c]), w));
                }
            }
        }
        return points.isEmpty() ? new double[] {1, 0} : Platt.fit(points);
    }

    /**
     * The least score a second-level topic needs to be given: of {@link #LEVEL2_EMIT_CHOICES}, the one with
     * the best second-level micro-F1 on the cross-fitted scores of the written articles (the texts labelled
     * at the second level the way editors label them); {@code settings.level2Emit()} when there are none.
     */
    private float chooseLevel2Emit(List<Doc> training, double[][] outOfFold, double[][] logits, boolean[][] known,
                                   String[] level2Qcodes, int[] level2Parent, Calibration calibration, double[] platt,
                                   Settings settings) {
        float best = settings.level2Emit();
        double bestF1 = -1;
        for (float threshold : LEVEL2_EMIT_CHOICES) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < training.size(); i++) {
                Doc d = training.get(i);
                if (!d.article.source().equals(TrainingData.WRITTEN) || d.level2.isEmpty() || logits[i] == null) {
                    continue;
                }
                double[] p = outOfFold[i];
                int top = TrainingReport.argmax(p);
                for (int c = 0; c < level2Qcodes.length; c++) {
                    int parent = level2Parent[c];
                    double parentScore = calibration.apply(p[parent]);
                    boolean parentGiven = parent == top || parentScore >= settings.topEmit();
                    double q = 1 / (1 + Math.exp(-(platt[0] * logits[i][c] + platt[1])));
                    boolean given = known[i][c] && parentGiven && parentScore * q >= threshold;
                    boolean right = d.level2.contains(level2Qcodes[c]);
                    tp += given && right ? 1 : 0;
                    fp += given && !right ? 1 : 0;
                    fn += !given && right ? 1 : 0;
                }
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                best = threshold;
            }
        }
        LOG.info("second-level threshold {} (cross-fitted micro-F1 {} on the written articles)", best, bestF1);
        return best;
    }

    static final float[] LEVEL2_EMIT_CHOICES = {0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f};

    // ---------------------------------------------------------------------------------------------

    private String description(List<TrainingArticle> articles, List<Doc> docs, Settings settings) {
        Map<String, int[]> bySource = new LinkedHashMap<>();
        for (TrainingArticle a : articles) {
            bySource.computeIfAbsent(a.source(), s -> new int[1])[0]++;
        }
        StringBuilder s = new StringBuilder("newsflow IPTC topic model; texts by source:");
        bySource.forEach((source, n) -> s.append(' ').append(source).append('=').append(n[0]));
        s.append("; held out ").append(docs.stream().filter(d -> d.heldOut).count());
        s.append("; settings ").append(settings);
        s.append("; data sha256 ").append(fingerprint(articles));
        return s.toString();
    }

    static String fingerprint(List<TrainingArticle> articles) {
        MessageDigest sha = Sha256.newDigest();
        for (TrainingArticle a : articles) {
            sha.update(a.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
