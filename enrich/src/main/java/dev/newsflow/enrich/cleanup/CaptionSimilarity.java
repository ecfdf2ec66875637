package dev.newsflow.enrich.cleanup;

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

        private Fingerprint(String comparable) {
            this.comparable = comparable;
            int count = comparable.isEmpty() ? 0 : 1;
            for (int i = 0; i < comparable.length(); i++) {
                if (comparable.charAt(i) == ' ') {
                    count++;
                }
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
        // The first argument is the caption (its set is built once); the paragraph's only if needed.
        if (b.words() < threshold * a.tokens().size() || a.words() < threshold * b.tokens().size()) {
            return Match.NONE;
        }
        int smaller = Math.min(a.tokens().size(), b.tokens().size());
        int larger = Math.max(a.tokens().size(), b.tokens().size());
        // Jaccard can be at most smaller/larger: skip the set intersection when that is already too low.
        if (smaller < MIN_TOKENS_FOR_NEAR_MATCH || (double) smaller / larger < threshold) {
            return Match.NONE;
        }
        double score = similarity(a.tokens(), b.tokens());
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
