package dev.newsflow.platform.health;

import java.time.Duration;

/** A check whose answer is kept for a while: asking the network on every probe would cost more than it tells. */
final class CachedCheck implements HealthCheck {
    private final HealthCheck source;
    private final long keepNanos;
    private Check last;
    private long askedAt;

    CachedCheck(HealthCheck source, Duration keepFor) {
        this.source = source;
        this.keepNanos = keepFor.toNanos();
    }

    @Override
    public synchronized Check check() {
        long now = System.nanoTime();
        if (last == null || now - askedAt >= keepNanos) {
            last = source.check();
            askedAt = System.nanoTime();
        }
        return last;
    }
}
