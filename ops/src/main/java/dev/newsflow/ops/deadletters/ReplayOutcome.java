package dev.newsflow.ops.deadletters;

/**
 * What became of a replayed record: enriched again ({@code where} is the enriched record), dead again ({@code where}
 * is the new dead letter, {@code reason} its stage and error), read by its consumer without any output (a
 * duplicate or an older version, which enrich drops), or nothing seen yet.
 */
public record ReplayOutcome(Kind kind, String where, String reason) {
    public enum Kind {
        ENRICHED("enriched again"),
        DEAD_AGAIN("dead again"),
        PROCESSED_NO_OUTPUT("read, nothing written (a duplicate or older version)"),
        PENDING("no outcome yet");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final ReplayOutcome PENDING = new ReplayOutcome(Kind.PENDING, null, null);

    public boolean settled() {
        return kind != Kind.PENDING;
    }

    /** One line: "dead again as articles-dead-letter/0/7: deserialization: SerializationException: ...". */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.label());
        if (where != null) {
            text.append(kind == Kind.DEAD_AGAIN ? " as " : " at ").append(where);
        }
        if (reason != null) {
            text.append(": ").append(reason);
        }
        return text.toString();
    }
}
