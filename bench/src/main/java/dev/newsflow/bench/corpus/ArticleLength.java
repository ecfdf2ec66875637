package dev.newsflow.bench.corpus;

/** The body length classes the benchmarks report separately. */
public enum ArticleLength {
    /** A news brief. */
    SHORT(120),
    /** A typical news story. */
    MEDIUM(500),
    /** A long read. */
    LONG(2_000);

    private final int targetWords;

    ArticleLength(int targetWords) {
        this.targetWords = targetWords;
    }

    /** Words of body text the generator aims for (it stops at the first sentence past it). */
    public int targetWords() {
        return targetWords;
    }
}
