package dev.newsflow.enrich.cleanup;

import dev.newsflow.text.TextNormalizer;
import java.util.Set;

/**
 * Whether two captions are the same caption printed twice. Token-set Jaccard similarity
 * (shared distinct words / all distinct words) ignores word order and repetition, so "6 January
 * 2026" vs "January 6, 2026" or a credit glued on still match, while a long paragraph that merely
 * contains a caption does not (its extra words lower the score).
 */
public final class CaptionSimilarity {
    /** Captions this short must match exactly (after normalisation): one word is a large share. */
    static final int MIN_TOKENS_FOR_NEAR_MATCH = 4;

    private final double threshold;

    public CaptionSimilarity(double threshold) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * A text's comparable form, its word count and (computed on first use, since most comparisons
     * are settled without them) its distinct words.
     */
    public static final class Fingerprint {
        private final String comparable;
        private final int words;
        private Set<String> tokens;
        private WordHashes hashes;
        /** {@link #distinctWordsAtLeast}, once known; -1 before. */
        private int distinctLowerBound = -1;

        private Fingerprint(String comparable) {
            this.comparable = comparable;
            int count = comparable.isEmpty() ? 0 : 1;
            // indexOf is an intrinsic: much faster than a charAt loop over a long paragraph.
            for (int space = comparable.indexOf(' '); space >= 0; space = comparable.indexOf(' ', space + 1)) {
                count++;
            }
            this.words = count;
        }

        public static Fingerprint of(String text) {
            return new Fingerprint(TextNormalizer.comparable(text));
        }

        public String comparable() {
            return comparable;
        }

        /** Words, repeats included: an upper bound of {@code tokens().size()} that costs nothing. */
        public int words() {
            return words;
        }

        public Set<String> tokens() {
            if (tokens == null) {
                tokens = TextNormalizer.tokensOfComparable(comparable);
            }
            return tokens;
        }

        /** The number of distinct words, {@code tokens().size()} without building the set when it can. */
        int distinctWords() {
            WordHashes h = hashes();
            return h.exact() ? h.size() : tokens().size();
        }

        /**
         * At most the number of distinct words, from one pass without sorting: each word sets one
         * bit of a 256-bit map by its hash, and equal words set the same bit.
         */
        int distinctWordsAtLeast() {
            if (hashes != null) {
                return distinctWords();
            }
            if (distinctLowerBound < 0) {
                distinctLowerBound = distinctWordsLowerBound();
            }
            return distinctLowerBound;
        }

        private int distinctWordsLowerBound() {
            long m0 = 0;
            long m1 = 0;
            long m2 = 0;
            long m3 = 0;
            int hash = 0;
            boolean inWord = false;
            int length = comparable.length();
            for (int i = 0; i <= length; i++) {
                char c = i == length ? ' ' : comparable.charAt(i);
                if (c != ' ') {
                    hash = 31 * hash + c;
                    inWord = true;
                    continue;
                }
                if (!inWord) {
                    continue;
                }
                inWord = false;
                int bit = (hash * 0x9E3779B9) >>> 24;
                long mask = 1L << bit;
                switch (bit >>> 6) {
                    case 0 -> m0 |= mask;
                    case 1 -> m1 |= mask;
                    case 2 -> m2 |= mask;
                    default -> m3 |= mask;
                }
                hash = 0;
            }
            return Long.bitCount(m0) + Long.bitCount(m1) + Long.bitCount(m2) + Long.bitCount(m3);
        }

        WordHashes hashes() {
            if (hashes == null) {
                hashes = WordHashes.of(comparable, words);
            }
            return hashes;
        }
    }

    /** Jaccard similarity of the two token sets, 0 when either is empty. */
    public static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String token : small) {
            if (large.contains(token)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
    }

    public static double similarity(String a, String b) {
        return similarity(TextNormalizer.tokenSet(a), TextNormalizer.tokenSet(b));
    }

    /** {@link #similarity(Set, Set)} of the two texts' distinct words, by their hashes when those are exact. */
    static double similarity(Fingerprint a, Fingerprint b) {
        WordHashes ha = a.hashes();
        WordHashes hb = b.hashes();
        int shared = ha.exact() && hb.exact() ? ha.shared(hb) : -1;
        if (shared < 0) {
            return similarity(a.tokens(), b.tokens());
        }
        if (ha.size() == 0 || hb.size() == 0) {
            return 0;
        }
        return (double) shared / (ha.size() + hb.size() - shared);
    }

    /** The verdict on two captions, with the reason the clean-up report gives. */
    public Match compare(String a, String b) {
        return compare(Fingerprint.of(a), Fingerprint.of(b));
    }

    public Match compare(Fingerprint a, Fingerprint b) {
        if (a.comparable().isEmpty() || b.comparable().isEmpty()) {
            return Match.NONE;
        }
        if (a.comparable().equals(b.comparable())) {
            return new Match(true, 1.0, "identical after normalisation");
        }
        // Distinct words are at most the words: a short text cannot reach the threshold against a
        // caption with many more distinct words, and that is decided before building any set.
        if (Math.min(a.words(), b.words()) < MIN_TOKENS_FOR_NEAR_MATCH) {
            return Match.NONE;
        }
        // The first argument is the caption (its words are hashed once); the paragraph's only if needed.
        int distinctA = a.distinctWords();
        if (b.words() < threshold * distinctA) {
            return Match.NONE;
        }
        // A long paragraph against a caption: a lower bound of its distinct words usually settles it.
        if (a.words() < threshold * b.distinctWordsAtLeast()) {
            return Match.NONE;
        }
        int distinctB = b.distinctWords();
        if (a.words() < threshold * distinctB) {
            return Match.NONE;
        }
        int smaller = Math.min(distinctA, distinctB);
        int larger = Math.max(distinctA, distinctB);
        // Jaccard can be at most smaller/larger: skip the set intersection when that is already too low.
        if (smaller < MIN_TOKENS_FOR_NEAR_MATCH || (double) smaller / larger < threshold) {
            return Match.NONE;
        }
        double score = similarity(a, b);
        if (score >= threshold) {
            return new Match(true, score, String.format(java.util.Locale.ROOT,
                    "near-duplicate (token-set similarity %.2f >= %.2f)", score, threshold));
        }
        return new Match(false, score, null);
    }

    /** Whether two texts were judged the same caption, how similar they are and why. */
    public record Match(boolean same, double score, String reason) {
        static final Match NONE = new Match(false, 0, null);
    }
}
