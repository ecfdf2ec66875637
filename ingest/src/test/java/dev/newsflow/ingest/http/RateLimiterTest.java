package dev.newsflow.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void allowsTheBurstThenRefillsAtTheRateAndSaysHowLongToWait() {
        RateLimiter limiter = new RateLimiter(60, 2, now::get);

        assertThat(limiter.tryTake("acme")).isZero();
        assertThat(limiter.tryTake("acme")).isZero();
        assertThat(limiter.tryTake("acme")).isEqualTo(1);
        assertThat(limiter.tryTake("other")).as("buckets are per publisher").isZero();

        now.addAndGet(1_000_000_000L);
        assertThat(limiter.tryTake("acme")).isZero();
        assertThat(limiter.tryTake("acme")).isEqualTo(1);
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        RateLimiter limiter = new RateLimiter(2, 1, now::get);
        assertThat(limiter.tryTake("acme")).isZero();
        assertThat(limiter.tryTake("acme")).isEqualTo(30);
    }

    @Test
    void zeroMeansUnlimited() {
        RateLimiter limiter = new RateLimiter(0, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.tryTake("acme")).isZero();
        }
    }
}
