package dev.newsflow.enrich.ner;

/**
 * Tags documents with a {@link NerModel}. Holds the scratch space of one thread (features, scores,
 * labels, caches), grown to the longest document seen and reused, so tagging allocates nothing per
 * token. Not thread-safe: one per thread.
 *
 * <p>Most of a token's features belong to one word: its own (form, affixes, cluster, gazetteer bits)
 * and, for its neighbours, theirs as seen from it. Their weights are summed once per word and role and
 * kept in small direct-mapped caches ({@link RoleCache}), so a token reads a handful of cached sums
 * and the few rows of its context instead of some sixty rows scattered over a table of tens of
 * megabytes. The sums are of the same integer weights in another order: the scores are exactly those
 * of summing every feature's row (pinned by a test).
 */
public final class NerTagger {
    private static final int L = Labels.COUNT;
    private static final int CACHE_BITS = 12;

    private final NerModel model;
    private final DocumentFeatures features;
    private final Viterbi viterbi = new Viterbi();
    private final RoleCache[] caches = new RoleCache[DocumentFeatures.ROLES];
    /** Per role: the summed weights of a neighbour outside the sentence. */
    private final int[] edges = new int[DocumentFeatures.ROLES * L];
    private final int[] rows = new int[DocumentFeatures.MAX];
    private final int[] sum = new int[L];
    private NerInput input;
    private float[] emissions = new float[256 * L];
    private int[] labels = new int[256];

    /** Direct-mapped cache of summed weights by word (the key), for one role. */
    private static final class RoleCache {
        final long[] keys = new long[1 << CACHE_BITS];
        final int[] sums = new int[(1 << CACHE_BITS) * L];
    }

    NerTagger(NerModel model) {
        this.model = model;
        this.features = new DocumentFeatures(model.lexicon, model.bits);
        for (int role = 0; role < DocumentFeatures.ROLES; role++) {
            caches[role] = new RoleCache();
            if (role != DocumentFeatures.SELF) {
                int n = features.edgeFeatures(role, rows);
                model.weights.sum(rows, n, edges, role * L);
            }
        }
    }

    /**
     * Labels of the document's tokens (BILOU label numbers; read them with {@link #type(int)} and
     * {@link #isStart(int)}/{@link #isEnd(int)}), valid until the next call.
     */
    public int[] tag(NerInput in) {
        int n = in.size;
        if (labels.length < n) {
            labels = new int[Math.max(n, 2 * labels.length)];
            emissions = new float[labels.length * L];
        }
        if (n == 0) {
            return labels;
        }
        input = in;
        features.prepare(in);
        scores();
        decode(model.weights.transitions, labels);
        features.finish();
        return labels;
    }

    /** Emission scores of every candidate token. */
    private void scores() {
        WeightLayer layer = model.weights;
        DocumentFeatures f = features;
        int[] acc = sum;
        for (int i = 0; i < f.size; i++) {
            if (!f.candidate[i]) {
                continue;
            }
            java.util.Arrays.fill(acc, 0);
            addWord(layer, i, DocumentFeatures.SELF, acc);
            addNeighbour(layer, i, i - 1, DocumentFeatures.M1, acc);
            addNeighbour(layer, i, i + 1, DocumentFeatures.P1, acc);
            addNeighbour(layer, i, i - 2, DocumentFeatures.M2, acc);
            addNeighbour(layer, i, i + 2, DocumentFeatures.P2, acc);
            int n = f.contextFeatures(input, i, rows);
            layer.sum(rows, n, acc, 0);
            float scale = layer.scale;
            int o = i * L;
            for (int y = 0; y < L; y++) {
                emissions[o + y] = acc[y] * scale;
            }
        }
    }

    private void addNeighbour(WeightLayer layer, int i, int j, int role, int[] acc) {
        if (j < features.sentenceFrom[i] || j >= features.sentenceTo[i]) {
            int[] e = edges;
            int base = role * L;
            for (int y = 0; y < L; y++) {
                acc[y] += e[base + y];
            }
        } else {
            addWord(layer, j, role, acc);
        }
    }

    private void addWord(WeightLayer layer, int j, int role, int[] acc) {
        RoleCache cache = caches[role];
        long key = features.key(j, role);
        if (key == 0) {
            key = 1;
        }
        int slot = (int) (WordForms.mix(key) >>> (64 - CACHE_BITS));
        int base = slot * L;
        if (cache.keys[slot] != key) {
            int n = features.wordFeatures(input, j, role, rows);
            java.util.Arrays.fill(cache.sums, base, base + L, 0);
            layer.sum(rows, n, cache.sums, base);
            cache.keys[slot] = key;
        }
        int[] sums = cache.sums;
        for (int y = 0; y < L; y++) {
            acc[y] += sums[base + y];
        }
    }

    private void decode(float[] transitions, int[] out) {
        int n = features.size;
        int from = 0;
        while (from < n) {
            int to = features.sentenceTo[from];
            viterbi.decode(emissions, transitions, from, to, features.candidate, null, out);
            from = to;
        }
    }

    /**
     * The probability that the name on tokens [first, last] of the last document tagged is right (its
     * exact span and type).
     */
    public double confidence(int first, int last) {
        float margin = Confidence.margin(emissions, labels, features.candidate, first, last, features.sentenceFrom[first],
                features.sentenceTo[first]);
        return Confidence.probability(margin, model.slope, model.intercept);
    }

    /** The emission scores of the last document tagged (tests: the caches change nothing). */
    float[] emissions() {
        return emissions;
    }

    /** The type of a label, or null for O. */
    public static NerType type(int label) {
        return label == Labels.O ? null : NerType.of(Labels.type(label));
    }

    /** The label begins a name (B or U). */
    public static boolean isStart(int label) {
        return label != Labels.O && (Labels.position(label) == Labels.B || Labels.position(label) == Labels.U);
    }

    /** The label ends a name (L or U). */
    public static boolean isEnd(int label) {
        return label != Labels.O && (Labels.position(label) == Labels.L || Labels.position(label) == Labels.U);
    }
}
