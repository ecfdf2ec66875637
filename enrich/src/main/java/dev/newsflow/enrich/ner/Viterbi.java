package dev.newsflow.enrich.ner;

import java.util.Arrays;

/**
 * Best label sequence of a sentence under the BILOU constraints: emission scores per token and label,
 * transition scores (from the start, between labels, to the end). Tokens outside the candidates may
 * only be O; in training a token may be further limited to the labels its annotation allows.
 * Mutable scratch space, one per thread.
 */
final class Viterbi {
    static final int L = Labels.COUNT;
    /** Transition table layout: row p + 1 for the previous label p (row 0 = the start), then the end scores. */
    static final int END = (L + 1) * L;
    static final int TRANSITIONS = END + L;

    private static final float NEG = Float.NEGATIVE_INFINITY;
    private static final int[][] PREVIOUS = new int[L][];
    private static final boolean[] FROM_START = new boolean[L];
    private static final boolean[] CAN_END = new boolean[L];

    static {
        for (int y = 0; y < L; y++) {
            int[] p = new int[L];
            int k = 0;
            for (int q = 0; q < L; q++) {
                if (Labels.allowed(q, y)) {
                    p[k++] = q;
                }
            }
            PREVIOUS[y] = Arrays.copyOf(p, k);
            FROM_START[y] = Labels.allowed(-1, y);
            CAN_END[y] = Labels.canEnd(y);
        }
    }

    private float[] delta = new float[64 * L];
    private byte[] back = new byte[64 * L];

    /**
     * Decodes tokens [from, to) into {@code out}. {@code emissions[i * L + y]} is read only for
     * candidates; {@code masks} (or null) limits the labels of each token.
     */
    void decode(float[] emissions, float[] transitions, int from, int to, boolean[] candidate, int[] masks, int[] out) {
        int n = to - from;
        if (delta.length < n * L) {
            delta = new float[Math.max(n, 2 * delta.length / L) * L];
            back = new byte[delta.length];
        }
        for (int k = 0; k < n; k++) {
            int i = from + k;
            int row = k * L;
            if (!candidate[i] && k > 0) {
                // Outside the candidates only O: one cell, from the previous token's best way into O.
                float best = NEG;
                int arg = -1;
                int prevRow = row - L;
                for (int p : PREVIOUS[Labels.O]) {
                    float v = delta[prevRow + p];
                    if (v == NEG) {
                        continue;
                    }
                    v += transitions[(p + 1) * L];
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                Arrays.fill(delta, row, row + L, NEG);
                delta[row] = best;
                back[row] = (byte) arg;
                continue;
            }
            int allowed = candidate[i] ? (masks == null ? Labels.ALL : masks[i]) : Labels.ONLY_O;
            for (int y = 0; y < L; y++) {
                if ((allowed & (1 << y)) == 0) {
                    delta[row + y] = NEG;
                    continue;
                }
                float e = candidate[i] ? emissions[i * L + y] : 0f;
                if (k == 0) {
                    delta[row + y] = FROM_START[y] ? transitions[y] + e : NEG;
                    back[row + y] = -1;
                    continue;
                }
                float best = NEG;
                int arg = -1;
                int prevRow = row - L;
                for (int p : PREVIOUS[y]) {
                    float v = delta[prevRow + p];
                    if (v == NEG) {
                        continue;
                    }
                    v += transitions[(p + 1) * L + y];
                    if (v > best) {
                        best = v;
                        arg = p;
                    }
                }
                delta[row + y] = best == NEG ? NEG : best + e;
                back[row + y] = (byte) arg;
            }
        }
        int lastRow = (n - 1) * L;
        float best = NEG;
        int arg = Labels.O;
        for (int y = 0; y < L; y++) {
            float v = delta[lastRow + y];
            if (!CAN_END[y] || v == NEG) {
                continue;
            }
            v += transitions[END + y];
            if (v > best) {
                best = v;
                arg = y;
            }
        }
        if (best == NEG) {
            // Only possible when a training annotation contradicts the constraints: fall back to all O.
            Arrays.fill(out, from, to, Labels.O);
            return;
        }
        for (int k = n - 1; k >= 0; k--) {
            out[from + k] = arg;
            arg = back[k * L + arg];
        }
    }
}
