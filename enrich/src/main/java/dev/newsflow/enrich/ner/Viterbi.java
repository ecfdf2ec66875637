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
    /** The labels that may follow O or the end of a name: O, and the begin or only word of each type. */
    private static final int[] OPENING = {0, 1, 4, 5, 8, 9, 12, 13, 16};
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
        checkLayout();
    }

    /** {@link #extendEveryLabel} spells out which labels precede which: fail at class load if the tag set changes. */
    private static void checkLayout() {
        int[] closing = {0, 3, 4, 7, 8, 11, 12, 15, 16};  // O, and the last (L) or only (U) word of each type
        for (int y : OPENING) {
            if (!Arrays.equals(PREVIOUS[y], closing)) {
                throw new IllegalStateException("BILOU layout changed: labels before " + y);
            }
        }
        for (int type = 0; type < 4; type++) {
            int begin = Labels.label(type, Labels.B);
            for (int y = begin + 1; y <= begin + 2; y++) {
                if (!Arrays.equals(PREVIOUS[y], new int[] {begin, begin + 1})) {
                    throw new IllegalStateException("BILOU layout changed: labels before " + y);
                }
            }
        }
        if (OPENING.length + 8 != L) {
            throw new IllegalStateException("BILOU layout changed: " + L + " labels");
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
                extendEveryLabel(d, b, prevRow, row, transitions, emissions, e, allowed);
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
     * Every label of a candidate token from a previous row whose every cell was written: what
     * {@link #bestInto} does for each label, with the nine scores that can precede a label that opens
     * (O, and the last or only word of each type) read once for the nine labels that take them, and the two
     * that can precede an inside or last word (the begin or inside of its type) read directly.
     */
    private static void extendEveryLabel(float[] d, byte[] b, int prevRow, int row, float[] t, float[] emissions, int e,
                                         int allowed) {
        float c0 = d[prevRow];
        float c3 = d[prevRow + 3];
        float c4 = d[prevRow + 4];
        float c7 = d[prevRow + 7];
        float c8 = d[prevRow + 8];
        float c11 = d[prevRow + 11];
        float c12 = d[prevRow + 12];
        float c15 = d[prevRow + 15];
        float c16 = d[prevRow + 16];
        for (int y : OPENING) {
            if ((allowed & (1 << y)) == 0) {
                d[row + y] = NEG;
                continue;
            }
            // In the order of PREVIOUS[y] (ascending), keeping the first of equal scores as bestInto does.
            float best = NEG;
            int arg = -1;
            float v = c0 + t[L + y];
            if (v > best) {
                best = v;
                arg = 0;
            }
            v = c3 + t[4 * L + y];
            if (v > best) {
                best = v;
                arg = 3;
            }
            v = c4 + t[5 * L + y];
            if (v > best) {
                best = v;
                arg = 4;
            }
            v = c7 + t[8 * L + y];
            if (v > best) {
                best = v;
                arg = 7;
            }
            v = c8 + t[9 * L + y];
            if (v > best) {
                best = v;
                arg = 8;
            }
            v = c11 + t[12 * L + y];
            if (v > best) {
                best = v;
                arg = 11;
            }
            v = c12 + t[13 * L + y];
            if (v > best) {
                best = v;
                arg = 12;
            }
            v = c15 + t[16 * L + y];
            if (v > best) {
                best = v;
                arg = 15;
            }
            v = c16 + t[17 * L + y];
            if (v > best) {
                best = v;
                arg = 16;
            }
            d[row + y] = best == NEG ? NEG : best + emissions[e + y];
            b[row + y] = (byte) arg;
        }
        for (int type = 0; type < 4; type++) {
            int begin = Labels.label(type, Labels.B);
            int inside = begin + 1;
            float fromBegin = d[prevRow + begin];
            float fromInside = d[prevRow + inside];
            for (int y = inside; y <= inside + 1; y++) {
                if ((allowed & (1 << y)) == 0) {
                    d[row + y] = NEG;
                    continue;
                }
                float best = NEG;
                int arg = -1;
                float v = fromBegin + t[(begin + 1) * L + y];
                if (v > best) {
                    best = v;
                    arg = begin;
                }
                v = fromInside + t[(inside + 1) * L + y];
                if (v > best) {
                    best = v;
                    arg = inside;
                }
                d[row + y] = best == NEG ? NEG : best + emissions[e + y];
                b[row + y] = (byte) arg;
            }
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
