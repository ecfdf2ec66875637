package dev.newsflow.ops.deadletters;

import dev.newsflow.schema.DeadLetterReplay;

/**
 * One dead letter a replay was asked for: what the replay did ({@link Status}), why when it did nothing, the
 * ledger entry of its replay (this one or an earlier one), and what became of the replayed record.
 */
public record ReplayResult(String id, Status status, String detail, DeadLetterReplay replay, ReplayOutcome outcome) {
    public enum Status {
        REPLAYED, ALREADY_REPLAYED, WOULD_REPLAY, NOT_REPLAYABLE, NOT_FOUND, FAILED
    }

    ReplayResult withOutcome(ReplayOutcome newOutcome) {
        return new ReplayResult(id, status, detail, replay, newOutcome);
    }

    /** Where the replayed record went, {@code topic/partition/offset}, or null. */
    public String target() {
        return replay == null ? null
                : replay.getTargetTopic() + "/" + replay.getTargetPartition() + "/" + replay.getTargetOffset();
    }
}
