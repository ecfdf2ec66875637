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

    /** A text's comparable form and its distinct words, computed once and compared many times. */
    public record Fingerprint(String comparable, Set<String> tokens) {
        public static Fingerprint of(String text) {
            String comparable = TextNormalizer.comparable(text);
            return new Fingerprint(comparable, TextNormalizer.tokensOfComparable(comparable));
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
