package dev.newsflow.syndicate.push;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest delivery attempts per partner made by this instance (bounded), for the admin API
 * ({@code GET /v1/partners/{id}/deliveries}) and for ops; every attempt is also logged.
 */
public final class DeliveryLog {
    public record Attempt(Instant at, long sequence, String event, int status, String outcome, int failures) {
    }

    private final int capacity;
    private final Map<String, Deque<Attempt>> attempts = new ConcurrentHashMap<>();

    public DeliveryLog(int capacity) {
        this.capacity = capacity;
    }

    public void record(String partnerId, Attempt attempt) {
        Deque<Attempt> log = attempts.computeIfAbsent(partnerId, id -> new ArrayDeque<>());
        synchronized (log) {
            log.addFirst(attempt);
            while (log.size() > capacity) {
                log.removeLast();
            }
        }
    }

    /** Newest first. */
    public List<Attempt> attempts(String partnerId) {
        Deque<Attempt> log = attempts.get(partnerId);
        if (log == null) {
            return List.of();
        }
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }
}
