package dev.newsflow.enrich.topics;

/**
 * How raw feature counts become the values the model multiplies: word features as
 * (1 + ln count) × idf, scaled to unit length over the words, so a 60-word summary and a 1,000-word
 * report weigh alike; entity features as ln(1 + sum of saliences); lexicon shares as they are. One
 * place, used by the trainer and by the topology.
 */
public final class FeatureVector {
    public static final byte WORD = 0;
    public static final byte ENTITY = 1;
    /** The share of the lexicon's evidence that went to a top-level topic. */
    public static final byte LEXICON = 2;
    /** A key that only fires lexicon evidence: not a feature of its own. */
    public static final byte TRIGGER = 3;
    /** The share of the lexicon's evidence that went to a second-level topic. */
    public static final byte LEXICON2 = 4;
    static final double ENTITY_SCALE = 0.5;
    static final double LEXICON_SCALE = 1.0;

    /** 1 + ln(c) for the whole counts a word usually has (headline words count 2). */
    private static final double[] ONE_PLUS_LOG = new double[64];

    static {
        for (int c = 1; c < ONE_PLUS_LOG.length; c++) {
            ONE_PLUS_LOG[c] = 1 + Math.log(c);
        }
    }

    private FeatureVector() {
    }

    private static double onePlusLog(double count) {
        int whole = (int) count;
        if (whole == count && whole >= 1 && whole < ONE_PLUS_LOG.length) {
            return ONE_PLUS_LOG[whole];
        }
        return 1 + Math.log(Math.max(1, count));
    }

    /**
     * Turns the raw values of {@code n} features (model indexes {@code index}) into model inputs, in
     * place in {@code values}.
     */
    public static void weigh(int n, int[] index, float[] values, byte[] block, float[] idf) {
        double norm = 0;
        for (int j = 0; j < n; j++) {
            int f = index[j];
            double raw = values[j];
            double v;
            switch (block[f]) {
                case WORD -> {
                    v = onePlusLog(raw) * idf[f];
                    norm += v * v;
                }
                case ENTITY -> v = ENTITY_SCALE * Math.log1p(raw);
                default -> v = LEXICON_SCALE * raw;
            }
            values[j] = (float) v;
        }
        if (norm > 0) {
            double scale = 1 / Math.sqrt(norm);
            for (int j = 0; j < n; j++) {
                if (block[index[j]] == WORD) {
                    values[j] = (float) (values[j] * scale);
                }
            }
        }
    }
}
