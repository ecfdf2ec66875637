package dev.newsflow.ingest.text;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.UniformPrior;

/**
 * OpenNLP's language model (a maximum-entropy model over character n-grams) held in a few arrays. Loaded as
 * OpenNLP keeps it, the model is ~146,000 n-gram strings in a map, each with a {@code Context} holding two arrays:
 * some 765,000 objects and 52 MB with the detector around them (32 MB and 197,000 objects this way), which every full
 * collection marks and moves again while most articles never reach the model (English is named by
 * {@link EnglishFunctionWords}).
 *
 * <p>The probabilities are OpenNLP's to the bit: the same uniform prior, each distinct n-gram's weights added in the
 * order OpenNLP adds them (it collects the n-grams in a {@code HashMap} keyed by the generator's char sequences, and
 * so does {@link #probabilities}), {@code StrictMath.exp} and the same normalisation. {@code FlatLanguageModelTest}
 * compares the two on text in many languages.
 */
final class FlatLanguageModel {
    private final String[] languages;
    private final double[] logPrior;
    /** Open addressing over the n-grams' hashes: the n-gram's number + 1 per slot, 0 for an empty slot. */
    private final int[] slots;
    private final int mask;
    /** The n-grams' characters one after another; n-gram k is {@code chars[charStart[k] .. charStart[k + 1])}. */
    private final char[] chars;
    private final int[] charStart;
    /** N-gram k's weights: {@code outcome[j], weight[j]} for j in {@code weightStart[k] .. weightStart[k + 1])}. */
    private final int[] weightStart;
    private final byte[] outcome;
    private final double[] weight;

    private FlatLanguageModel(String[] languages, double[] logPrior, int[] slots, char[] chars, int[] charStart,
                              int[] weightStart, byte[] outcome, double[] weight) {
        this.languages = languages;
        this.logPrior = logPrior;
        this.slots = slots;
        this.mask = slots.length - 1;
        this.chars = chars;
        this.charStart = charStart;
        this.weightStart = weightStart;
        this.outcome = outcome;
        this.weight = weight;
    }

    /** Copies a loaded OpenNLP maximum-entropy model (the caller may then drop it). */
    static FlatLanguageModel of(MaxentModel maxent) {
        if (!(maxent instanceof AbstractModel model) || model.getModelType() != AbstractModel.ModelType.Maxent) {
            throw new IllegalArgumentException("not a maximum-entropy model: " + maxent.getClass().getName());
        }
        String[] languages = new String[model.getNumOutcomes()];
        if (languages.length > 128) {
            throw new IllegalArgumentException("more outcomes than a byte numbers: " + languages.length);
        }
        for (int o = 0; o < languages.length; o++) {
            languages[o] = model.getOutcome(o);
        }
        UniformPrior prior = new UniformPrior();
        prior.setLabels(languages, null);
        double[] logPrior = new double[languages.length];
        prior.logPrior(logPrior, (int[]) null);

        @SuppressWarnings("unchecked")
        Map<String, Context> grams = (Map<String, Context>) model.getDataStructures()[1];
        int n = grams.size();
        int totalChars = 0;
        int totalWeights = 0;
        for (Map.Entry<String, Context> e : grams.entrySet()) {
            totalChars += e.getKey().length();
            totalWeights += e.getValue().getOutcomes().length;
        }
        int[] slots = new int[Integer.highestOneBit(Math.max(1, n) * 2) * 2];
        char[] chars = new char[totalChars];
        int[] charStart = new int[n + 1];
        int[] weightStart = new int[n + 1];
        byte[] outcome = new byte[totalWeights];
        double[] weight = new double[totalWeights];
        int k = 0;
        for (Map.Entry<String, Context> e : grams.entrySet()) {
            String gram = e.getKey();
            gram.getChars(0, gram.length(), chars, charStart[k]);
            charStart[k + 1] = charStart[k] + gram.length();
            int[] outcomes = e.getValue().getOutcomes();
            double[] parameters = e.getValue().getParameters();
            for (int j = 0; j < outcomes.length; j++) {
                outcome[weightStart[k] + j] = (byte) outcomes[j];
                weight[weightStart[k] + j] = parameters[j];
            }
            weightStart[k + 1] = weightStart[k] + outcomes.length;
            int slot = hash(gram) & (slots.length - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (slots.length - 1);
            }
            slots[slot] = k + 1;
            k++;
        }
        return new FlatLanguageModel(languages, logPrior, slots, chars, charStart, weightStart, outcome, weight);
    }

    int languageCount() {
        return languages.length;
    }

    String language(int outcome) {
        return languages[outcome];
    }

    /**
     * The probability of each language (by outcome number) given the n-grams the context generator produced for a
     * text; each distinct n-gram counts once, as in OpenNLP.
     */
    double[] probabilities(CharSequence[] context) {
        // A set grown from the default size, as OpenNLP's map is, so that the n-grams come out in its order.
        Set<CharSequence> distinct = new HashSet<>();
        Collections.addAll(distinct, context);
        double[] sums = Arrays.copyOf(logPrior, logPrior.length);
        for (CharSequence gram : distinct) {
            int k = find(gram);
            if (k < 0) {
                continue;
            }
            for (int j = weightStart[k], end = weightStart[k + 1]; j < end; j++) {
                sums[outcome[j]] += weight[j];
            }
        }
        double normal = 0;
        for (int o = 0; o < sums.length; o++) {
            sums[o] = StrictMath.exp(sums[o]);
            normal += sums[o];
        }
        for (int o = 0; o < sums.length; o++) {
            sums[o] /= normal;
        }
        return sums;
    }

    /** The n-gram's number, or -1 when the model does not know it. */
    private int find(CharSequence gram) {
        int slot = hash(gram) & mask;
        while (true) {
            int k = slots[slot] - 1;
            if (k < 0) {
                return -1;
            }
            if (sameChars(k, gram)) {
                return k;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean sameChars(int k, CharSequence gram) {
        int from = charStart[k];
        if (charStart[k + 1] - from != gram.length()) {
            return false;
        }
        for (int i = 0; i < gram.length(); i++) {
            if (chars[from + i] != gram.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A hash of the characters (not {@code hashCode}, which a {@code CharBuffer} computes differently). */
    private static int hash(CharSequence s) {
        int h = 0x811C9DC5;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
