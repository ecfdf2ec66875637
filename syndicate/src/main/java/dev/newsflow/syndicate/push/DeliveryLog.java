package dev.newsflow.syndicate.push;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The latest delivery attempts per partner made by this instance (bounded), for the admin API
 * ({@code GET /v1/partners/{id}/deliveries}) and for ops; every attempt is also logged.
 */
public final class DeliveryLog {
    public record Attempt(Instant at, long sequence, String event, int status, String outcome, int failures) {
    }

    private final int capacity;
    private final Map<String, Deque<Attempt>> attempts = new ConcurrentHashMap<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    public DeliveryLog(int capacity) {
        this.capacity = capacity;
    }

    public void record(String partnerId, Attempt attempt) {
        (attempt.status() / 100 == 2 ? delivered : failed).incrementAndGet();
        Deque<Attempt> log = attempts.computeIfAbsent(partnerId, id -> new ArrayDeque<>());
        synchronized (log) {
            log.addFirst(attempt);
            while (log.size() > capacity) {
                log.removeLast();
            }
        }
    }

    /** Deliveries accepted (2xx) by receivers, since start, by this instance. */
    public long delivered() {
        return delivered.get();
    }

    /** Failed delivery attempts since start, by this instance. */
    public long failed() {
        return failed.get();
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
