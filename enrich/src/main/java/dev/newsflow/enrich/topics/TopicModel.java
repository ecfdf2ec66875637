package dev.newsflow.enrich.topics;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained IPTC Media Topics model: a vocabulary of feature keys ({@link FeatureKeys}) with their
 * block and idf, and the keyword lexicon compiled onto those keys ({@link TopicLexicon}); a multinomial logistic regression over the 17 top-level topics; one-vs-rest logistic
 * regressions for the second-level topics the training data supports, stored sparse; and the
 * calibration that turns raw probabilities into scores that mean something (isotonic for the top
 * level, Platt for the second level, both fitted on held-out predictions). Immutable; written and read
 * as a gzip'd binary file whose bytes depend only on its contents (the gzip header carries no time),
 * so training the same data twice gives the same file.
 */
public final class TopicModel {
    static final int MAGIC = 0x4E46544D; // "NFTM"
    static final int VERSION = 1;
    /** Where the committed model sits on the classpath (enrich/src/main/resources). */
    public static final String RESOURCE = "topics/iptc-topics.model";

    final String description;
    final String[] topQcodes;
    final long[] keys;
    final byte[] blocks;
    final float[] idf;
    final float[] topBias;
    /** Row per feature, one column per top-level topic, as 16-bit integers: weight = value × topScale. */
    final short[] topWeights;
    final float topScale;
    final String[] level2Qcodes;
    final int[] level2Parent;
    final float[] level2Bias;
    /** Second-level weights by feature: entries level2Start[f] until level2Start[f + 1]. */
    final int[] level2Start;
    final int[] level2Class;
    final float[] level2Weights;
    /** Lexicon evidence a key fires: entries lexiconStart[f] until lexiconStart[f + 1], on lexicon features. */
    final int[] lexiconStart;
    final int[] lexiconTarget;
    final float[] lexiconWeights;
    final Calibration topCalibration;
    final float level2PlattA;
    final float level2PlattB;
    /** Least calibrated score for a top-level topic other than the article's best one. */
    final float topEmit;
    /** Least score (parent's score × conditional probability) for a second-level topic. */
    final float level2Emit;

    // Open-addressing lookup of feature keys, built on load. A slot packs the key's upper 32 bits and
    // the feature's index into one long (0 = empty), so the table of a 20,000-feature model stays
    // within 512 kB: the slot number comes from the lower bits, so a false match needs 32 + ~16 bits
    // of a 64-bit key to agree (about one probe in 10^14).
    private final long[] table;
    private final int tableMask;
    // One bit per hash of every key, small enough for the first-level cache: most word pairs of an
    // article are not in the vocabulary, and this turns most of them away before the table is read.
    private final long[] filter;
    private final int filterMask;

    public TopicModel(String description, String[] topQcodes, long[] keys, byte[] blocks, float[] idf, float[] topBias,
               short[] topWeights, float topScale, String[] level2Qcodes, int[] level2Parent, float[] level2Bias, int[] level2Start,
               int[] level2Class, float[] level2Weights, int[] lexiconStart, int[] lexiconTarget, float[] lexiconWeights,
               Calibration topCalibration, float level2PlattA, float level2PlattB, float topEmit, float level2Emit) {
        this.description = description;
        this.topQcodes = topQcodes;
        this.keys = keys;
        this.blocks = blocks;
        this.idf = idf;
        this.topBias = topBias;
        this.topWeights = topWeights;
        this.topScale = topScale;
        this.level2Qcodes = level2Qcodes;
        this.level2Parent = level2Parent;
        this.level2Bias = level2Bias;
        this.level2Start = level2Start;
        this.level2Class = level2Class;
        this.level2Weights = level2Weights;
        this.lexiconStart = lexiconStart;
        this.lexiconTarget = lexiconTarget;
        this.lexiconWeights = lexiconWeights;
        this.topCalibration = topCalibration;
        this.level2PlattA = level2PlattA;
        this.level2PlattB = level2PlattB;
        this.topEmit = topEmit;
        this.level2Emit = level2Emit;
        for (int i = 1; i < keys.length; i++) {
            if (keys[i] <= keys[i - 1]) {
                throw new IllegalArgumentException("feature keys must be sorted and unique");
            }
        }
        int size = Integer.highestOneBit(Math.max(4, keys.length) * 2) * 2; // load factor at most 1/2
        table = new long[size];
        tableMask = size - 1;
        for (int i = 0; i < keys.length; i++) {
            int slot = (int) keys[i] & tableMask; // keys are already mixed
            while (table[slot] != 0) {
                slot = (slot + 1) & tableMask;
            }
            table[slot] = (keys[i] & 0xFFFFFFFF00000000L) | (i + 1L);
        }
        int bits = Integer.highestOneBit(Math.max(64, keys.length) * 8); // 8-16 bits per key: ~1 in 10 passes wrongly
        filter = new long[bits / 64];
        filterMask = bits - 1;
        for (long key : keys) {
            int bit = filterBit(key);
            filter[bit >>> 6] |= 1L << bit;
        }
        for (int i = 0; i < keys.length; i++) {
            if (index(keys[i]) != i) { // two keys of one probe run agree in their upper half: never seen, but checked
                throw new IllegalArgumentException("feature keys " + keys[i] + " and another share a table entry");
            }
        }
    }

    private int filterBit(long key) {
        return (int) (key >>> 20) & filterMask;
    }

    /** The model's index of a feature key, or -1 when the feature is not in its vocabulary. */
    int index(long key) {
        int bit = filterBit(key);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        long high = key & 0xFFFFFFFF00000000L;
        int slot = (int) key & tableMask;
        while (true) {
            long entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if ((entry & 0xFFFFFFFF00000000L) == high) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    public int features() {
        return keys.length;
    }

    public List<String> topLevelQcodes() {
        return List.of(topQcodes);
    }

    public List<String> secondLevelQcodes() {
        return List.of(level2Qcodes);
    }

    public Calibration topCalibration() {
        return topCalibration;
    }

    /** Calibrated probability of a second-level topic given its parent, from the second-level model's logit. */
    public double level2Probability(double logit) {
        return 1 / (1 + Math.exp(-(level2PlattA * logit + level2PlattB)));
    }

    public float topEmit() {
        return topEmit;
    }

    public float level2Emit() {
        return level2Emit;
    }

    /** What the model was trained on, with which settings: written by the trainer. */
    public String description() {
        return description;
    }

    /** The committed model, from the classpath. */
    public static TopicModel load() {
        try (InputStream in = TopicModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("topic model missing from the classpath: " + RESOURCE
                        + " (train it with: newsflow train topics)");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topic model " + RESOURCE, e);
        }
    }

    public static TopicModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a newsflow topic model");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("topic model version " + version + ", this build reads " + VERSION);
        }
        String description = in.readUTF();
        String[] topQcodes = readStrings(in);
        int f = in.readInt();
        long[] keys = new long[f];
        for (int i = 0; i < f; i++) {
            keys[i] = in.readLong();
        }
        byte[] blocks = new byte[f];
        in.readFully(blocks);
        float[] idf = readFloats(in, f);
        float[] topBias = readFloats(in, topQcodes.length);
        float topScale = in.readFloat();
        short[] topWeights = new short[f * topQcodes.length];
        for (int i = 0; i < topWeights.length; i++) {
            topWeights[i] = in.readShort();
        }
        String[] level2Qcodes = readStrings(in);
        int[] level2Parent = readInts(in, level2Qcodes.length);
        float[] level2Bias = readFloats(in, level2Qcodes.length);
        int[] level2Start = readInts(in, f + 1);
        int nnz = level2Start[f];
        int[] level2Class = readInts(in, nnz);
        float[] level2Weights = readFloats(in, nnz);
        int[] lexiconStart = readInts(in, f + 1);
        int[] lexiconTarget = readInts(in, lexiconStart[f]);
        float[] lexiconWeights = readFloats(in, lexiconStart[f]);
        int points = in.readInt();
        float[] x = readFloats(in, points);
        float[] y = readFloats(in, points);
        float plattA = in.readFloat();
        float plattB = in.readFloat();
        float topEmit = in.readFloat();
        float level2Emit = in.readFloat();
        return new TopicModel(description, topQcodes, keys, blocks, idf, topBias, topWeights, topScale, level2Qcodes,
                level2Parent, level2Bias, level2Start, level2Class, level2Weights, lexiconStart, lexiconTarget,
                lexiconWeights, new Calibration(x, y), plattA,
                plattB, topEmit, level2Emit);
    }

    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(description);
        writeStrings(out, topQcodes);
        out.writeInt(keys.length);
        for (long k : keys) {
            out.writeLong(k);
        }
        out.write(blocks);
        writeFloats(out, idf);
        writeFloats(out, topBias);
        out.writeFloat(topScale);
        for (short w : topWeights) {
            out.writeShort(w);
        }
        writeStrings(out, level2Qcodes);
        writeInts(out, level2Parent);
        writeFloats(out, level2Bias);
        writeInts(out, level2Start);
        writeInts(out, level2Class);
        writeFloats(out, level2Weights);
        writeInts(out, lexiconStart);
        writeInts(out, lexiconTarget);
        writeFloats(out, lexiconWeights);
        out.writeInt(topCalibration.x().length);
        writeFloats(out, topCalibration.x());
        writeFloats(out, topCalibration.y());
        out.writeFloat(level2PlattA);
        out.writeFloat(level2PlattB);
        out.writeFloat(topEmit);
        out.writeFloat(level2Emit);
        out.flush();
        gzip.finish();
    }

    /** Weights as 16-bit integers and the scale that turns them back: {@code {short[] values, float scale}}. */
    public static Object[] quantise(float[] weights) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
        short[] q = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            q[i] = (short) Math.round(weights[i] / scale);
        }
        return new Object[] {q, scale};
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        String[] s = new String[in.readInt()];
        for (int i = 0; i < s.length; i++) {
            s[i] = in.readUTF();
        }
        return s;
    }

    private static void writeStrings(DataOutputStream out, String[] s) throws IOException {
        out.writeInt(s.length);
        for (String x : s) {
            out.writeUTF(x);
        }
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        for (float x : a) {
            out.writeFloat(x);
        }
    }

    private static int[] readInts(DataInputStream in, int n) throws IOException {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        for (int x : a) {
            out.writeInt(x);
        }
    }
}
