package dev.newsflow.enrich.ner;

/**
 * The trainable weights: an averaged structured perceptron (Collins 2002) over a hashed feature table,
 * with the usual lazy averaging (the average is w - u / c, where u sums c * update). Training only: the
 * run-time model holds the quantised averages ({@link WeightLayer}).
 */
final class Perceptron {
    private static final int L = Labels.COUNT;

    final float[] w;
    private final float[] u;
    final float[] transitions = new float[Viterbi.TRANSITIONS];
    private final float[] transitionsU = new float[Viterbi.TRANSITIONS];
    /** Examples seen (the averaging clock). */
    long clock = 1;

    Perceptron(int bits) {
        w = new float[(1 << bits) * L];
        u = new float[w.length];
    }

    /** Emission scores of tokens [from, to): the rows of their stored features ({@code rows[offsets[i] .. offsets[i + 1])}). */
    static void emissions(float[] weights, int[] rows, int[] offsets, int from, int to, boolean[] candidate, float[] out) {
        for (int i = from; i < to; i++) {
            int o = i * L;
            for (int y = 0; y < L; y++) {
                out[o + y] = 0;
            }
            if (!candidate[i]) {
                continue;
            }
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int r = rows[k] * L;
                for (int y = 0; y < L; y++) {
                    out[o + y] += weights[r + y];
                }
            }
        }
    }

    /** Moves the weights towards the gold labels and away from the predicted ones, on tokens [from, to). */
    void update(int[] rows, int[] offsets, int from, int to, int[] gold, int[] predicted, float step) {
        float cs = clock * step;
        for (int i = from; i < to; i++) {
            int g = gold[i];
            int p = predicted[i];
            if (g == p) {
                continue;
            }
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                int r = rows[k] * L;
                w[r + g] += step;
                u[r + g] += cs;
                w[r + p] -= step;
                u[r + p] -= cs;
            }
        }
        for (int i = from; i <= to; i++) {
            int gi = transition(gold, i, from, to);
            int pi = transition(predicted, i, from, to);
            if (gi != pi) {
                transitions[gi] += step;
                transitionsU[gi] += cs;
                transitions[pi] -= step;
                transitionsU[pi] -= cs;
            }
        }
    }

    /** Index in the transition table of the step into position i (i == to: the end). */
    private static int transition(int[] labels, int i, int from, int to) {
        if (i == to) {
            return Viterbi.END + labels[to - 1];
        }
        int previous = i == from ? -1 : labels[i - 1];
        return (previous + 1) * L + labels[i];
    }

    void tick() {
        clock++;
    }

    /** The averaged weights. */
    float[] averagedWeights() {
        float[] avg = new float[w.length];
        for (int k = 0; k < w.length; k++) {
            avg[k] = w[k] - u[k] / clock;
        }
        return avg;
    }

    float[] averagedTransitions() {
        float[] avg = new float[transitions.length];
        for (int k = 0; k < transitions.length; k++) {
            avg[k] = transitions[k] - transitionsU[k] / clock;
        }
        return avg;
    }
}
