package dev.newsflow.ingest.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per publisher: {@code burst} articles at once, refilled at
 * {@code perMinute} per minute. {@link #tryTake} answers how many seconds to wait when empty.
 */
final class RateLimiter {
    private final double perNano;
    private final int burst;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    RateLimiter(int perMinute, int burst, LongSupplier nanoClock) {
        this.perNano = perMinute / 60e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
    }

    boolean unlimited() {
        return perNano == 0;
    }

    /** 0 when a token was taken, else the whole seconds until one is free. */
    long tryTake(String publisherId) {
        if (unlimited()) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(publisherId, p -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
        }
    }
}
