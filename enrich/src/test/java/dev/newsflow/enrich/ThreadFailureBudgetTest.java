package dev.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadFailureBudgetTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-03T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void replacesThreadsUntilTheyKeepDyingWithinTheWindow() {
        ThreadFailureBudget budget = new ThreadFailureBudget(2, Duration.ofMinutes(10), clock);
        assertThat(budget.onFailure()).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(budget.onFailure()).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(budget.onFailure()).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        ThreadFailureBudget budget = new ThreadFailureBudget(2, Duration.ofMinutes(10), clock);
        budget.onFailure();
        budget.onFailure();
        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertThat(budget.onFailure()).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
