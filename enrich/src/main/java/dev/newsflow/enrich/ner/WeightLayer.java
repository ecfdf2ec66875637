package dev.newsflow.enrich.ner;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The weights of one pass: a hashed table of rows (one row a feature, one 16-bit weight a label), with
 * one scale for the whole table, and the transition scores. Immutable once read.
 */
final class WeightLayer {
    private static final int L = Labels.COUNT;

    final short[] weights;
    final float scale;
    final float[] transitions;
    final int rows;

    WeightLayer(short[] weights, float scale, float[] transitions) {
        this.weights = weights;
        this.scale = scale;
        this.transitions = transitions;
        this.rows = weights.length / L;
    }

    /** Quantises trained weights: the largest magnitude becomes 32767. */
    static WeightLayer quantise(float[] weights, float[] transitions) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max == 0 ? 1f : max / 32767f;
        short[] q = new short[weights.length];
        for (int k = 0; k < weights.length; k++) {
            q[k] = (short) Math.round(weights[k] / scale);
        }
        return new WeightLayer(q, scale, transitions.clone());
    }

    /** Adds the rows of {@code n} features to {@code out[base .. base + 17)} (integer weights, unscaled). */
    void sum(int[] features, int n, int[] out, int base) {
        short[] w = weights;
        int a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0;
        int a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0, a16 = 0;
        for (int k = 0; k < n; k++) {
            int r = features[k] * L;
            a0 += w[r];
            a1 += w[r + 1];
            a2 += w[r + 2];
            a3 += w[r + 3];
            a4 += w[r + 4];
            a5 += w[r + 5];
            a6 += w[r + 6];
            a7 += w[r + 7];
            a8 += w[r + 8];
            a9 += w[r + 9];
            a10 += w[r + 10];
            a11 += w[r + 11];
            a12 += w[r + 12];
            a13 += w[r + 13];
            a14 += w[r + 14];
            a15 += w[r + 15];
            a16 += w[r + 16];
        }
        out[base] += a0;
        out[base + 1] += a1;
        out[base + 2] += a2;
        out[base + 3] += a3;
        out[base + 4] += a4;
        out[base + 5] += a5;
        out[base + 6] += a6;
        out[base + 7] += a7;
        out[base + 8] += a8;
        out[base + 9] += a9;
        out[base + 10] += a10;
        out[base + 11] += a11;
        out[base + 12] += a12;
        out[base + 13] += a13;
        out[base + 14] += a14;
        out[base + 15] += a15;
        out[base + 16] += a16;
    }

    /** Emission scores of every candidate token from its stored feature rows (training and tests: no caches). */
    void emissions(DocumentFeatures f, float[] out) {
        int[] acc = new int[L];
        for (int i = 0; i < f.size; i++) {
            if (!f.candidate[i]) {
                continue;
            }
            java.util.Arrays.fill(acc, 0);
            int base = i * DocumentFeatures.MAX;
            int[] rowsOf = java.util.Arrays.copyOfRange(f.rows, base, base + f.count[i]);
            sum(rowsOf, rowsOf.length, acc, 0);
            for (int y = 0; y < L; y++) {
                out[i * L + y] = acc[y] * scale;
            }
        }
    }

    /** Writes the rows that are not all zero (most are: the table is sparse), delta-coded. */
    void write(DataOutputStream out) throws IOException {
        out.writeInt(rows);
        out.writeFloat(scale);
        for (float t : transitions) {
            out.writeFloat(t);
        }
        int nonZero = 0;
        for (int r = 0; r < rows; r++) {
            if (!zero(r)) {
                nonZero++;
            }
        }
        out.writeInt(nonZero);
        int previous = -1;
        for (int r = 0; r < rows; r++) {
            if (zero(r)) {
                continue;
            }
            writeVarInt(out, r - previous);
            previous = r;
            int mask = 0;
            for (int y = 0; y < L; y++) {
                if (weights[r * L + y] != 0) {
                    mask |= 1 << y;
                }
            }
            writeVarInt(out, mask);
            for (int y = 0; y < L; y++) {
                short v = weights[r * L + y];
                if (v != 0) {
                    out.writeShort(v);
                }
            }
        }
    }

    static WeightLayer read(DataInputStream in) throws IOException {
        int rows = in.readInt();
        float scale = in.readFloat();
        float[] transitions = new float[Viterbi.TRANSITIONS];
        for (int k = 0; k < transitions.length; k++) {
            transitions[k] = in.readFloat();
        }
        short[] weights = new short[rows * L];
        int nonZero = in.readInt();
        int r = -1;
        for (int k = 0; k < nonZero; k++) {
            r += readVarInt(in);
            int mask = readVarInt(in);
            for (int y = 0; y < L; y++) {
                if ((mask & (1 << y)) != 0) {
                    weights[r * L + y] = in.readShort();
                }
            }
        }
        return new WeightLayer(weights, scale, transitions);
    }

    private boolean zero(int r) {
        for (int y = 0; y < L; y++) {
            if (weights[r * L + y] != 0) {
                return false;
            }
        }
        return true;
    }

    int nonZeroRows() {
        int n = 0;
        for (int r = 0; r < rows; r++) {
            if (!zero(r)) {
                n++;
            }
        }
        return n;
    }

    static void writeVarInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    static int readVarInt(DataInputStream in) throws IOException {
        int v = 0;
        int shift = 0;
        while (true) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
            shift += 7;
        }
    }
}
