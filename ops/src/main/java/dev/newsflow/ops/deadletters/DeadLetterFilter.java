package dev.newsflow.ops.deadletters;

import java.time.Instant;
import java.util.Set;

/**
 * Which dead letters to list or replay: failed at or after {@code since} (null: any time), of one stage and one
 * service (null: any), and, when {@code ids} is not empty, only those.
 */
public record DeadLetterFilter(Instant since, String stage, String service, Set<DeadLetterId> ids) {
    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, Set.of());

    public DeadLetterFilter {
        ids = ids == null ? Set.of() : Set.copyOf(ids);
    }

    public boolean test(DeadLetterEntry entry) {
        return (since == null || !entry.failedAt().isBefore(since))
                && (stage == null || stage.equals(entry.stage()))
                && (service == null || service.equals(entry.service()))
                && (ids.isEmpty() || ids.contains(entry.id()));
    }
}
