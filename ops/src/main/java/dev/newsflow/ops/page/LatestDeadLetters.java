package dev.newsflow.ops.page;

import dev.newsflow.ops.deadletters.DeadLetterEntry;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dead letters the page can show: the latest {@code kept} in memory, newest first, and how many of every stage
 * have arrived (all of them, not only those kept), so filtering by a stage lists its latest even when another stage
 * floods the topic.
 */
final class LatestDeadLetters {
    private final int kept;
    private final Deque<DeadLetterEntry> latest = new ArrayDeque<>();
    private final Map<String, Long> byStage = new TreeMap<>();
    private final Map<String, Map<String, Long>> byOrigin = new TreeMap<>();
    private final Map<String, Map<String, Instant>> newestByOrigin = new TreeMap<>();
    private long total;

    LatestDeadLetters(int kept) {
        this.kept = kept;
    }

    /** Adds what arrived, oldest first. */
    synchronized void addAll(List<DeadLetterEntry> arrived) {
        for (DeadLetterEntry entry : arrived) {
            latest.addFirst(entry);
            byStage.merge(entry.stage(), 1L, Long::sum);
            byOrigin.computeIfAbsent(entry.service(), s -> new TreeMap<>()).merge(entry.stage(), 1L, Long::sum);
            newestByOrigin.computeIfAbsent(entry.service(), s -> new TreeMap<>()).merge(entry.stage(), entry.failedAt(),
                    (a, b) -> a.isAfter(b) ? a : b);
            total++;
            if (latest.size() > kept) {
                latest.removeLast();
            }
        }
    }

    /** The newest {@code limit} dead letters of the stage (null or blank: any stage), newest first. */
    synchronized List<DeadLetterEntry> latest(String stage, int limit) {
        List<DeadLetterEntry> selected = new ArrayList<>();
        for (Iterator<DeadLetterEntry> it = latest.iterator(); it.hasNext() && selected.size() < limit; ) {
            DeadLetterEntry entry = it.next();
            if (stage == null || stage.isBlank() || stage.equals(entry.stage())) {
                selected.add(entry);
            }
        }
        return selected;
    }

    synchronized Map<String, Long> byStage() {
        return new TreeMap<>(byStage);
    }

    /** Counts by the service that wrote them, then by stage. */
    synchronized Map<String, Map<String, Long>> byOrigin() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        byOrigin.forEach((origin, stages) -> copy.put(origin, new TreeMap<>(stages)));
        return copy;
    }

    /** When the newest dead letter of each service, then stage, failed (its own time, not when it was read). */
    synchronized Map<String, Map<String, Instant>> newestByOrigin() {
        Map<String, Map<String, Instant>> copy = new TreeMap<>();
        newestByOrigin.forEach((origin, stages) -> copy.put(origin, new TreeMap<>(stages)));
        return copy;
    }

    synchronized long total() {
        return total;
    }
}
