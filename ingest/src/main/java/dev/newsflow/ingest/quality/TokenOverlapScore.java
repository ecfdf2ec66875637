package dev.newsflow.ingest.quality;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Token-level precision, recall and F1 of extracted text against expected text, the usual
 * measure for main-text extraction: both texts are lower-cased, NFC-normalised and split into
 * words (runs of letters and digits); tokens are matched as multisets, so a paragraph extracted
 * twice costs precision and a missing one costs recall, wherever they sit.
 */
public record TokenOverlapScore(int extractedTokens, int expectedTokens, int matchedTokens) {

    public static TokenOverlapScore of(String extracted, String expected) {
        Map<String, Integer> extractedCounts = counts(extracted);
        Map<String, Integer> expectedCounts = counts(expected);
        int matched = 0;
        for (Map.Entry<String, Integer> entry : extractedCounts.entrySet()) {
            matched += Math.min(entry.getValue(), expectedCounts.getOrDefault(entry.getKey(), 0));
        }
        return new TokenOverlapScore(total(extractedCounts), total(expectedCounts), matched);
    }

    /** Sums several scores into one micro-averaged score. */
    public TokenOverlapScore plus(TokenOverlapScore other) {
        return new TokenOverlapScore(extractedTokens + other.extractedTokens, expectedTokens + other.expectedTokens,
                matchedTokens + other.matchedTokens);
    }

    public double precision() {
        return extractedTokens == 0 ? (expectedTokens == 0 ? 1 : 0) : (double) matchedTokens / extractedTokens;
    }

    public double recall() {
        return expectedTokens == 0 ? 1 : (double) matchedTokens / expectedTokens;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> counts = new HashMap<>();
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        for (String token : normalised.split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int total(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
