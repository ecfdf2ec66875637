package dev.newsflow.enrich.topics;

import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.TopicAssigner;
import dev.newsflow.enrich.annotate.TopicConcept;
import dev.newsflow.enrich.annotate.TopicEvidence;
import dev.newsflow.schema.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Assigns IPTC Media Topics with the trained {@link TopicModel}. Every top-level topic gets a
 * calibrated score (the share of articles given that score on held-out data that really were about
 * it); the article's best top-level topic is given whenever any word of the article is known to the
 * model, other top-level topics when their score reaches the model's threshold, second-level topics
 * when the parent's score times the second-level model's calibrated probability does. Scores of a
 * second-level topic never exceed its parent's, so a partner's {@code minConfidence} on "politics"
 * means the same whichever of its children matched. Thread-safe: the work arrays are per thread.
 */
public final class TrainedTopicAssigner implements TopicAssigner {
    static final int MAX_TOPICS = 8;
    /** Top level first, then by score, highest first; qcode breaks ties so the order never depends on chance. */
    private static final Comparator<Topic> ORDER = Comparator.comparingInt(Topic::getLevel)
            .thenComparing(Comparator.comparingDouble(Topic::getScore).reversed()).thenComparing(Topic::getQcode);

    private final TopicModel model;
    private final ArticleFeatureExtractor extractor;
    private final int k;
    private final Concept[] top;
    private final Concept[] level2;
    private final ThreadLocal<Scratch> scratch;

    /** A topic the model can emit, as the knowledge base knows it. */
    private record Concept(String qcode, String label, int level, List<String> parents) {
    }

    public TrainedTopicAssigner(TopicModel model, KnowledgeBase kb) {
        this(model, kb, new KnowledgeBaseEntityEvidence(kb));
    }

    public TrainedTopicAssigner(TopicModel model, KnowledgeBase kb, EntityEvidence entityEvidence) {
        this.model = model;
        this.extractor = new ArticleFeatureExtractor(entityEvidence);
        this.k = model.topQcodes.length;
        this.top = concepts(model.topQcodes, kb);
        this.level2 = concepts(model.level2Qcodes, kb);
        int features = model.features();
        int classes = model.level2Qcodes.length;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(model, features, k, classes));
    }

    /** Model classes must be live concepts of the knowledge base: a retired one is never emitted. */
    private static Concept[] concepts(String[] qcodes, KnowledgeBase kb) {
        Concept[] concepts = new Concept[qcodes.length];
        for (int i = 0; i < qcodes.length; i++) {
            TopicConcept c = kb.topic(qcodes[i]);
            if (c == null) {
                throw new IllegalStateException("topic model class " + qcodes[i]
                        + " is not a live IPTC concept of the knowledge base (retired?): train the model again");
            }
            List<String> parents = new ArrayList<>();
            for (int a : c.ancestors()) {
                parents.add(kb.topics().get(a).qcode());
            }
            concepts[i] = new Concept(c.qcode(), c.label(), c.level(), List.copyOf(parents));
        }
        return concepts;
    }

    public TopicModel model() {
        return model;
    }

    /** Per-thread work arrays; also the sink the feature extractor writes into. */
    private static final class Scratch implements ArticleFeatureExtractor.Blocks {
        final TopicModel model;
        final int[] slotOf;
        int[] index = new int[512];
        float[] value = new float[512];
        int n;
        int knownWords;
        final double[] z;
        final double[] sums;
        final double[] z2;

        Scratch(TopicModel model, int features, int k, int classes) {
            this.model = model;
            slotOf = new int[features];
            Arrays.fill(slotOf, -1);
            z = new double[k];
            sums = new double[k];
            z2 = new double[classes];
        }

        /** The article's slot of a model feature, made (with value 0) on first use. */
        private int slot(int f) {
            int slot = slotOf[f];
            if (slot >= 0) {
                return slot;
            }
            if (n == index.length) {
                index = Arrays.copyOf(index, n * 2);
                value = Arrays.copyOf(value, n * 2);
            }
            slotOf[f] = n;
            index[n] = f;
            value[n] = 0;
            return n++;
        }

        @Override
        public void word(long key, float v, float lexiconWeight) {
            int f = model.index(key);
            if (f < 0) {
                return;
            }
            if (model.blocks[f] == FeatureVector.WORD) {
                int before = n;
                // The slot first: making it may grow the arrays, and "value[slot(f)]" would read the old one.
                int slot = slot(f);
                value[slot] += v;
                knownWords += n - before;
            }
            for (int e = model.lexiconStart[f], end = model.lexiconStart[f + 1]; e < end; e++) {
                int slot = slot(model.lexiconTarget[e]);
                value[slot] = (float) TopicLexicon.add(value[slot], model.lexiconWeights[e] * lexiconWeight);
            }
        }

        @Override
        public void entity(long key, float v) {
            int f = model.index(key);
            if (f >= 0) {
                int slot = slot(f);
                value[slot] += v;
            }
        }

        /** Lexicon evidence becomes shares of the article's top-level lexicon evidence. */
        void lexiconShares() {
            double total = 0;
            for (int j = 0; j < n; j++) {
                if (model.blocks[index[j]] == FeatureVector.LEXICON) {
                    total += value[j];
                }
            }
            for (int j = 0; j < n; j++) {
                byte block = model.blocks[index[j]];
                if (block == FeatureVector.LEXICON || block == FeatureVector.LEXICON2) {
                    value[j] = TopicLexicon.share(value[j], total);
                }
            }
        }

        void clear() {
            for (int j = 0; j < n; j++) {
                slotOf[index[j]] = -1;
            }
            n = 0;
            knownWords = 0;
        }
    }

    /**
     * The model's scores for one article.
     *
     * @param known      distinct word features of the article that the model knows
     * @param raw        softmax probability of each top-level topic (model order)
     * @param topScores  calibrated score of each top-level topic
     * @param level2Scores score of each second-level topic: parent's calibrated score × the
     *                   second-level model's calibrated probability
     */
    public record Scores(int known, double[] raw, double[] topScores, double[] level2Scores) {
    }

    public Scores score(TopicEvidence evidence) {
        Scratch s = scratch.get();
        try {
            extractor.extract(evidence, s);
            return score(s);
        } finally {
            s.clear();
        }
    }

    private Scores score(Scratch s) {
        TopicModel m = model;
        s.lexiconShares();
        FeatureVector.weigh(s.n, s.index, s.value, m.blocks, m.idf);
        double[] z = s.z;
        double[] z2 = s.z2;
        for (int c = 0; c < k; c++) {
            z[c] = m.topBias[c];
        }
        for (int c = 0; c < z2.length; c++) {
            z2[c] = m.level2Bias[c];
        }
        short[] w = m.topWeights;
        double[] sums = s.sums;
        java.util.Arrays.fill(sums, 0);
        for (int j = 0; j < s.n; j++) {
            int f = s.index[j];
            double x = s.value[j];
            int row = f * k;
            for (int c = 0; c < k; c++) {
                sums[c] += x * w[row + c];
            }
            for (int e = m.level2Start[f], end = m.level2Start[f + 1]; e < end; e++) {
                z2[m.level2Class[e]] += x * m.level2Weights[e];
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            z[c] += sums[c] * m.topScale;
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        double[] raw = new double[k];
        for (int c = 0; c < k; c++) {
            raw[c] = Math.exp(z[c] - max);
            sum += raw[c];
        }
        double[] calibrated = new double[k];
        for (int c = 0; c < k; c++) {
            raw[c] /= sum;
            calibrated[c] = m.topCalibration.apply(raw[c]);
        }
        double[] second = new double[z2.length];
        for (int c = 0; c < z2.length; c++) {
            double q = 1 / (1 + Math.exp(-(m.level2PlattA * z2[c] + m.level2PlattB)));
            second[c] = calibrated[m.level2Parent[c]] * q;
        }
        return new Scores(s.knownWords, raw, calibrated, second);
    }

    @Override
    public List<Topic> assign(TopicEvidence evidence) {
        return topics(score(evidence));
    }

    /** The topics emitted for these scores. */
    public List<Topic> topics(Scores scores) {
        List<Topic> topics = new ArrayList<>();
        if (scores.known() == 0) {
            return topics; // nothing the model knows: no topic rather than a guess
        }
        double[] t = scores.topScores();
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (scores.raw()[c] > scores.raw()[best]) {
                best = c;
            }
        }
        boolean[] emitted = new boolean[k];
        double bestScore = round(t[best]);
        for (int c = 0; c < k; c++) {
            if (c == best || t[c] >= model.topEmit) {
                emitted[c] = true;
                // The best topic stays strictly first even where calibration is flat or rounding ties.
                double score = c == best ? bestScore : Math.min(round(t[c]), bestScore - 0.001);
                topics.add(topic(top[c], score));
            }
        }
        double[] second = scores.level2Scores();
        for (int c = 0; c < second.length; c++) {
            if (emitted[model.level2Parent[c]] && second[c] >= model.level2Emit) {
                topics.add(topic(level2[c], second[c]));
            }
        }
        topics.sort(ORDER);
        return topics.size() > MAX_TOPICS ? new ArrayList<>(topics.subList(0, MAX_TOPICS)) : topics;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    private static Topic topic(Concept c, double score) {
        return new Topic(c.qcode(), c.label(), c.level(), c.parents(), round(score));
    }
}
