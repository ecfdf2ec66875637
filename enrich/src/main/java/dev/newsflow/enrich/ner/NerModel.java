package dev.newsflow.enrich.ner;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The trained recogniser: an averaged perceptron over hashed features (see {@link DocumentFeatures}),
 * decoded with Viterbi over BILOU labels. Besides a token's own word and its neighbours, the features
 * read what the rest of the article says about the word: written in lower case elsewhere ("Storm" in a
 * Title Case headline), the last word of a run of capitalised words elsewhere ("Witkoff" alone is the
 * "Steve Witkoff" of the first paragraph), after a title elsewhere.
 *
 * <p>Our own implementation rather than a library: Maven Central has no lightweight sequence tagger that
 * trains deterministically (same data, same bytes), reads our tokens without copying them into its own
 * objects, and tags well under a microsecond a token without allocating; OpenNLP's maximum-entropy name
 * finder is an order of magnitude slower per token and its published English models cannot be fetched
 * here, and CRF libraries for the JVM (CRFSuite bindings, Mallet) are native or heavy. An averaged
 * perceptron with rich features is within a point or two of a CRF on this task (Ratinov and Roth 2009)
 * and trains in minutes.
 *
 * <p>Immutable and thread-safe; tagging state lives in {@link NerTagger}, one per thread.
 */
public final class NerModel {
    static final String RESOURCE = "ner/model.bin.gz";
    static final String MAGIC = "newsflow-ner";
    /** Bumped whenever the features change: a model trained with other features must not load. */
    static final int FORMAT = 4;

    final int bits;
    final Lexicon lexicon;
    final WeightLayer weights;
    /** The logistic curve from a name's margin to the probability that it is right ({@link Confidence}). */
    final float slope;
    final float intercept;

    NerModel(int bits, Lexicon lexicon, WeightLayer weights, float slope, float intercept) {
        this.bits = bits;
        this.lexicon = lexicon;
        this.weights = weights;
        this.slope = slope;
        this.intercept = intercept;
    }

    /** Loaded on first use, once per JVM (class-holder idiom: thread-safe without locking). */
    private static final class Standard {
        static final NerModel INSTANCE = load();
    }

    /** The committed model, loaded once per JVM and shared (it is immutable): about a second and 50 MB of heap. */
    public static NerModel standard() {
        return Standard.INSTANCE;
    }

    /** The committed model and lexicon, from the classpath (a new copy: most callers want {@link #standard()}). */
    public static NerModel load() {
        Lexicon lexicon = Lexicon.load();
        try (InputStream raw = NerModel.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("recogniser model missing from the classpath: " + RESOURCE
                        + " (train it: ./newsflow train ner)");
            }
            return read(raw, lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A model written by {@code newsflow train ner --out FILE} (scoring a model in development), with the committed lexicon. */
    public static NerModel load(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(raw, Lexicon.load());
        }
    }

    static NerModel read(InputStream raw, Lexicon lexicon) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        String magic = in.readUTF();
        int format = in.readInt();
        if (!MAGIC.equals(magic) || format != FORMAT) {
            throw new IllegalStateException("recogniser model of another format (" + magic + " " + format
                    + ", expected " + MAGIC + " " + FORMAT + "): train it again with ./newsflow train ner");
        }
        String lexiconSha = in.readUTF();
        if (!lexiconSha.equals(lexicon.sha256())) {
            throw new IllegalStateException("recogniser model trained with another lexicon (" + lexiconSha
                    + ", this one is " + lexicon.sha256() + "): train it again with ./newsflow train ner");
        }
        int bits = in.readInt();
        float slope = in.readFloat();
        float intercept = in.readFloat();
        WeightLayer weights = WeightLayer.read(in);
        return new NerModel(bits, lexicon, weights, slope, intercept);
    }

    /** Writes the model (the caller compresses): same model, same bytes. */
    void write(OutputStream raw) throws IOException {
        DataOutputStream out = new DataOutputStream(raw);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(lexicon.sha256());
        out.writeInt(bits);
        out.writeFloat(slope);
        out.writeFloat(intercept);
        weights.write(out);
        out.flush();
    }

    /** A tagger with its own scratch space: one per thread. */
    public NerTagger newTagger() {
        return new NerTagger(this);
    }

    /**
     * True when the name in text[start, end) ends in a nationality word of the lexicon ("French", "South
     * Korean"): in the newsflow convention a MISC name, but not a referent to link.
     */
    public boolean isNationality(String text, int start, int end) {
        int from = Math.max(start, text.lastIndexOf(' ', end - 1) + 1);
        if (from >= end || !Character.isUpperCase(text.charAt(from))) {
            return false;
        }
        char[] word = text.substring(from, end).toCharArray();
        int bits = Lexicon.gazetteer(lexicon.lookup(WordForms.simplified(word, 0, word.length)));
        return Lexicon.has(bits, Lexicon.NAT, Lexicon.WHOLE) && !Lexicon.has(bits, Lexicon.LOC, Lexicon.WHOLE);
    }

    /** Rows of the weight table that carry a weight (the rest of the hashed table is empty). */
    public int nonZeroRows() {
        return weights.nonZeroRows();
    }
}
