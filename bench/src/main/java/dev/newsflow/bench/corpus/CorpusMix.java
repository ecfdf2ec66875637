package dev.newsflow.bench.corpus;

/**
 * The shape of a load run's traffic: how many articles of each publisher shape and length, and
 * what share of POSTs re-send an earlier article byte for byte or send an update of one.
 * Weights are relative; percentages are of all submissions.
 */
public record CorpusMix(int textWeight, int jsonWeight, int htmlWeight,
                        int shortWeight, int mediumWeight, int longWeight,
                        int duplicatePercent, int updatePercent) {

    public CorpusMix {
        if (textWeight < 0 || jsonWeight < 0 || htmlWeight < 0 || textWeight + jsonWeight + htmlWeight == 0) {
            throw new IllegalArgumentException("shape weights must be >= 0 and not all 0");
        }
        if (shortWeight < 0 || mediumWeight < 0 || longWeight < 0 || shortWeight + mediumWeight + longWeight == 0) {
            throw new IllegalArgumentException("length weights must be >= 0 and not all 0");
        }
        if (duplicatePercent < 0 || updatePercent < 0 || duplicatePercent + updatePercent > 50) {
            throw new IllegalArgumentException("duplicate + update percent must be within 0..50");
        }
    }

    /** Issue 7's mix: text/JSON/HTML 40/40/20, short/~500/~2,000 words 30/55/15, 5 % duplicates, 5 % updates. */
    public static CorpusMix realistic() {
        return new CorpusMix(40, 40, 20, 30, 55, 15, 5, 5);
    }

    /** The realistic mix with every article in the JSON shape (what an NDJSON batch carries). */
    public static CorpusMix realisticJsonOnly() {
        return new CorpusMix(0, 1, 0, 30, 55, 15, 5, 5);
    }

    ArticleShape shape(int roll) {
        int bound = roll % (textWeight + jsonWeight + htmlWeight);
        if (bound < textWeight) {
            return ArticleShape.TEXT;
        }
        return bound < textWeight + jsonWeight ? ArticleShape.JSON : ArticleShape.HTML;
    }

    ArticleLength length(int roll) {
        int bound = roll % (shortWeight + mediumWeight + longWeight);
        if (bound < shortWeight) {
            return ArticleLength.SHORT;
        }
        return bound < shortWeight + mediumWeight ? ArticleLength.MEDIUM : ArticleLength.LONG;
    }
}
