package dev.newsflow.enrich.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The decoder finds the best label sequence the BILOU constraints allow: checked against every allowed sequence of
 * short sentences, and against a plain dense decoder (no shortcut for tokens outside the candidates) on long ones.
 */
class ViterbiTest {
    private static final int L = Labels.COUNT;

    @Test
    void shortSentencesGetTheBestOfEveryAllowedSequence() {
        Random random = new Random(17);
        Viterbi viterbi = new Viterbi();
        for (int round = 0; round < 400; round++) {
            Case c = Case.random(random, 1 + random.nextInt(4), random.nextBoolean());
            int[] out = new int[c.from + c.n];
            viterbi.decode(c.emissions, c.transitions, c.from, c.from + c.n, c.candidate, c.masks, out);
            int[] best = c.bruteForce();
            int[] decoded = java.util.Arrays.copyOfRange(out, c.from, c.from + c.n);
            assertThat(decoded).as("round %d", round).containsExactly(best);
        }
    }

    @Test
    void longSentencesMostlyOutsideTheCandidatesDecodeAsTheDenseDecoderDoes() {
        Random random = new Random(4);
        Viterbi viterbi = new Viterbi();
        for (int round = 0; round < 300; round++) {
            Case c = Case.random(random, 20 + random.nextInt(60), round % 3 == 0);
            int[] out = new int[c.from + c.n];
            viterbi.decode(c.emissions, c.transitions, c.from, c.from + c.n, c.candidate, c.masks, out);
            int[] decoded = java.util.Arrays.copyOfRange(out, c.from, c.from + c.n);
            assertThat(decoded).as("round %d", round).containsExactly(c.dense());
        }
    }

    @Test
    void aSentenceOfNoCandidatesIsAllO() {
        Random random = new Random(9);
        Case c = Case.random(random, 12, false);
        java.util.Arrays.fill(c.candidate, false);
        int[] out = new int[c.from + c.n];
        java.util.Arrays.fill(out, -5);
        new Viterbi().decode(c.emissions, c.transitions, c.from, c.from + c.n, c.candidate, null, out);
        for (int k = 0; k < c.n; k++) {
            assertThat(out[c.from + k]).isEqualTo(Labels.O);
        }
    }

    /** A sentence at an offset of its document, with random scores, candidates and (in training) label masks. */
    private static final class Case {
        final int from;
        final int n;
        final float[] emissions;
        final float[] transitions = new float[Viterbi.TRANSITIONS];
        final boolean[] candidate;
        final int[] masks;

        private Case(int from, int n, boolean withMasks) {
            this.from = from;
            this.n = n;
            this.emissions = new float[(from + n) * L];
            this.candidate = new boolean[from + n];
            this.masks = withMasks ? new int[from + n] : null;
        }

        static Case random(Random random, int n, boolean withMasks) {
            Case c = new Case(random.nextInt(3), n, withMasks);
            for (int k = 0; k < c.transitions.length; k++) {
                c.transitions[k] = (float) random.nextGaussian();
            }
            for (int k = 0; k < c.emissions.length; k++) {
                c.emissions[k] = (float) (random.nextGaussian() * 2);
            }
            double candidates = random.nextDouble();
            for (int i = 0; i < c.candidate.length; i++) {
                c.candidate[i] = random.nextDouble() < candidates;
                if (withMasks) {
                    // A token's annotation allows O, one type's labels, or anything.
                    int kind = random.nextInt(3);
                    c.masks[i] = kind == 0 ? Labels.ONLY_O : kind == 1 ? Labels.typeMask(random.nextInt(4)) : Labels.ALL;
                }
            }
            return c;
        }

        boolean allowedAt(int k, int y) {
            int i = from + k;
            if (!candidate[i]) {
                return y == Labels.O;
            }
            return masks == null || (masks[i] & (1 << y)) != 0;
        }

        float emission(int k, int y) {
            int i = from + k;
            return candidate[i] ? emissions[i * L + y] : 0f;
        }

        double score(int[] labels) {
            double s = transitions[labels[0]] + emission(0, labels[0]);
            for (int k = 1; k < n; k++) {
                s += transitions[(labels[k - 1] + 1) * L + labels[k]] + emission(k, labels[k]);
            }
            return s + transitions[Viterbi.END + labels[n - 1]];
        }

        int[] bruteForce() {
            int[] labels = new int[n];
            int[] best = new int[n];
            double[] bestScore = {Double.NEGATIVE_INFINITY};
            walk(0, labels, best, bestScore);
            if (bestScore[0] == Double.NEGATIVE_INFINITY) {
                java.util.Arrays.fill(best, Labels.O);
            }
            return best;
        }

        private void walk(int k, int[] labels, int[] best, double[] bestScore) {
            if (k == n) {
                if (!Labels.canEnd(labels[n - 1])) {
                    return;
                }
                double s = score(labels);
                if (s > bestScore[0]) {
                    bestScore[0] = s;
                    System.arraycopy(labels, 0, best, 0, n);
                }
                return;
            }
            for (int y = 0; y < L; y++) {
                if (allowedAt(k, y) && Labels.allowed(k == 0 ? -1 : labels[k - 1], y)) {
                    labels[k] = y;
                    walk(k + 1, labels, best, bestScore);
                }
            }
        }

        /** Every label of every token, no shortcuts: the decoder as first written. */
        int[] dense() {
            double[][] delta = new double[n][L];
            int[][] back = new int[n][L];
            for (int k = 0; k < n; k++) {
                for (int y = 0; y < L; y++) {
                    delta[k][y] = Double.NEGATIVE_INFINITY;
                    if (!allowedAt(k, y)) {
                        continue;
                    }
                    if (k == 0) {
                        if (Labels.allowed(-1, y)) {
                            delta[k][y] = transitions[y] + emission(k, y);
                        }
                        continue;
                    }
                    for (int p = 0; p < L; p++) {
                        if (!Labels.allowed(p, y) || delta[k - 1][p] == Double.NEGATIVE_INFINITY) {
                            continue;
                        }
                        double v = delta[k - 1][p] + transitions[(p + 1) * L + y] + emission(k, y);
                        if (v > delta[k][y]) {
                            delta[k][y] = v;
                            back[k][y] = p;
                        }
                    }
                }
            }
            int arg = -1;
            double best = Double.NEGATIVE_INFINITY;
            for (int y = 0; y < L; y++) {
                if (Labels.canEnd(y) && delta[n - 1][y] + transitions[Viterbi.END + y] > best) {
                    best = delta[n - 1][y] + transitions[Viterbi.END + y];
                    arg = y;
                }
            }
            int[] out = new int[n];
            if (arg < 0) {
                java.util.Arrays.fill(out, Labels.O);
                return out;
            }
            for (int k = n - 1; k >= 0; k--) {
                out[k] = arg;
                arg = back[k][arg];
            }
            return out;
        }
    }
}
