package dev.newsflow.ops.topics;

import java.util.Objects;

/**
 * What {@code newsflow topics tail} reads. Where it starts: from the first record ({@code fromBeginning}), from
 * {@code offset} of one {@code partition}, or else the last {@code max} records (10 when not given), as
 * {@code tail} does; with {@code follow} and none of these it starts at the end and prints only what arrives.
 * It stops after {@code max} records, or at the end of the topic as it was when it started unless
 * {@code follow}. {@code key} keeps only records with that key.
 */
public record TailRequest(String topic, boolean fromBeginning, Integer max, boolean follow, String key,
                          Integer partition, Long offset) {
    public static final int DEFAULT_LAST = 10;

    public TailRequest {
        Objects.requireNonNull(topic, "topic");
        if (max != null && max < 1) {
            throw new IllegalArgumentException("--max must be at least 1");
        }
        if (offset != null && partition == null) {
            throw new IllegalArgumentException("--offset needs --partition: an offset is a position in one partition");
        }
        if (offset != null && fromBeginning) {
            throw new IllegalArgumentException("give --from-beginning or --offset, not both");
        }
    }

    /** Neither from the beginning nor from an offset: the last records (or, following, only new ones). */
    boolean fromEnd() {
        return !fromBeginning && offset == null;
    }
}
