package dev.newsflow.bench.e2e;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * When each thing (an article version on the topic, an article in the feed) was first seen,
 * and how often. Arrivals may come before the POST's answer does, so they are kept by key and
 * matched to the answers at the end. Waiters are woken on every arrival.
 */
final class ArrivalLog {
    record Arrival(long firstNanos, AtomicInteger count) {
    }

    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile long lastNanos;

    void arrived(String key, long nanos) {
        Arrival arrival = arrivals.computeIfAbsent(key, k -> new Arrival(nanos, new AtomicInteger()));
        arrival.count().incrementAndGet();
        lastNanos = Math.max(lastNanos, nanos);
        signal();
    }

    void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    Arrival get(String key) {
        return arrivals.get(key);
    }

    Map<String, Arrival> all() {
        return arrivals;
    }

    long lastNanos() {
        return lastNanos;
    }

    /** Waits until the condition holds or the deadline (System.nanoTime) passes; true if it holds. */
    boolean awaitUntil(BooleanSupplier condition, long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Re-check at least every 50 ms: conditions may also change without an arrival.
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
