package dev.newsflow.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Decides what to do when a stream thread dies: replace it (a transient fault such as the schema
 * registry being briefly unreachable is retried from the last commit), unless threads keep dying,
 * which means the fault is not transient; then the client shuts down, /health turns 503, and ops
 * get a clear signal instead of a silent crash loop.
 */
final class ThreadFailureBudget {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Deque<Long> failures = new ArrayDeque<>();

    ThreadFailureBudget(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    synchronized StreamThreadExceptionResponse onFailure() {
        long now = clock.millis();
        failures.addLast(now);
        while (!failures.isEmpty() && failures.peekFirst() < now - window.toMillis()) {
            failures.removeFirst();
        }
        return failures.size() > maxFailures ? StreamThreadExceptionResponse.SHUTDOWN_CLIENT
                : StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
