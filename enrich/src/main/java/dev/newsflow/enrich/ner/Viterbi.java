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
    private static final boolean[] FROM_O = new boolean[L];
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
            FROM_O[y] = Labels.allowed(Labels.O, y);
            CAN_END[y] = Labels.canEnd(y);
        }
    }

    private float[] delta = new float[64 * L];
    private byte[] back = new byte[64 * L];

    /**
     * Decodes tokens [from, to) into {@code out}. {@code emissions[i * L + y]} is read only for
     * candidates; {@code masks} (or null) limits the labels of each token.
     *
     * <p>Most tokens are not candidates and may only be O. After such a token only its O cell holds a
     * score, so the next token extends that one cell instead of every label; the other cells of that row
     * are never read (the back-pointers only follow labels that were reached).
     */
    void decode(float[] emissions, float[] transitions, int from, int to, boolean[] candidate, int[] masks, int[] out) {
        int n = to - from;
        if (delta.length < n * L) {
            delta = new float[Math.max(n, 2 * delta.length / L) * L];
            back = new byte[delta.length];
        }
        float[] d = delta;
        byte[] b = back;
        boolean previousOnlyO = false;
        for (int k = 0; k < n; k++) {
            int i = from + k;
            int row = k * L;
            int prevRow = row - L;
            if (!candidate[i]) {
                if (k == 0) {
                    d[row] = transitions[Labels.O];
                    b[row] = -1;
                } else if (previousOnlyO) {
                    d[row] = d[prevRow] + transitions[(Labels.O + 1) * L + Labels.O];
                    b[row] = (byte) Labels.O;
                } else {
                    bestInto(Labels.O, d, b, prevRow, row, transitions, 0f);
                }
                previousOnlyO = true;
                continue;
            }
            int allowed = masks == null ? Labels.ALL : masks[i];
            int e = i * L;
            if (k == 0) {
                for (int y = 0; y < L; y++) {
                    d[row + y] = (allowed & (1 << y)) != 0 && FROM_START[y] ? transitions[y] + emissions[e + y] : NEG;
                    b[row + y] = -1;
                }
            } else if (previousOnlyO) {
                float o = d[prevRow];
                int t = (Labels.O + 1) * L;
                for (int y = 0; y < L; y++) {
                    boolean open = (allowed & (1 << y)) != 0 && FROM_O[y];
                    d[row + y] = open ? o + transitions[t + y] + emissions[e + y] : NEG;
                    b[row + y] = (byte) Labels.O;
                }
            } else {
                for (int y = 0; y < L; y++) {
                    if ((allowed & (1 << y)) == 0) {
                        d[row + y] = NEG;
                    } else {
                        bestInto(y, d, b, prevRow, row, transitions, emissions[e + y]);
                    }
                }
            }
            previousOnlyO = false;
        }
        int lastRow = (n - 1) * L;
        float best = NEG;
        int arg = Labels.O;
        int labels = previousOnlyO ? 1 : L;
        for (int y = 0; y < labels; y++) {
            float v = d[lastRow + y];
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
            arg = b[k * L + arg];
        }
    }

    /**
     * The best way into label {@code y} from the previous row (whose every cell was written), plus the
     * emission. A cell that cannot be reached stays NEG: NEG plus a finite score is NEG and never wins.
     */
    private static void bestInto(int y, float[] d, byte[] b, int prevRow, int row, float[] transitions, float emission) {
        float best = NEG;
        int arg = -1;
        for (int p : PREVIOUS[y]) {
            float v = d[prevRow + p] + transitions[(p + 1) * L + y];
            if (v > best) {
                best = v;
                arg = p;
            }
        }
        d[row + y] = best == NEG ? NEG : best + emission;
        b[row + y] = (byte) arg;
    }
}
