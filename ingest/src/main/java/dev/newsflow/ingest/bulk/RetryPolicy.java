package dev.newsflow.ingest.bulk;

import dev.newsflow.platform.errors.FailureKind;
import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before sending again what ingest could not take yet (429, 503, other 5xx), and when to give up.
 * Ingest's {@code Retry-After} is the least wait. Rounds that made progress (some lines of a batch were taken) are
 * the rate limit doing its job: they cost no retry, so a file of any length finishes at the publisher's rate.
 * Only rounds in which nothing was taken count, and after {@code maxRetries} of them in a row the poster gives
 * up; their wait doubles each time (1 s, 2 s, 4 s …, at most {@link #MAX_WAIT}), so a struggling ingest is not
 * hammered.
 */
public record RetryPolicy(int maxRetries) {
    /** The longest wait between two attempts, whatever Retry-After says. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
        }
    }

    /** True when {@code idleRounds} rounds in a row without progress are more than may be retried. */
    public boolean exhausted(int idleRounds) {
        return idleRounds > maxRetries;
    }

    /**
     * The wait before the next attempt: {@code retryAfter} when the last round made progress (0 idle rounds),
     * else the larger of {@code retryAfter} and the doubling backoff for that many idle rounds.
     */
    public Duration wait(int idleRounds, Optional<Duration> retryAfter) {
        Duration floor = retryAfter.orElse(Duration.ZERO);
        Duration backoff = idleRounds <= 0 ? Duration.ofSeconds(retryAfter.isPresent() ? 0 : 1)
                : Duration.ofSeconds(1L << Math.min(idleRounds - 1, 6));
        Duration wait = floor.compareTo(backoff) >= 0 ? floor : backoff;
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    /** A {@code Retry-After} value in seconds (RFC 9110 also allows a date; ingest sends seconds). */
    public static Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.get().strip()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Ingest may take the same request later (rate limited, Kafka unavailable, another server error): the platform's one rule. */
    public static boolean retriable(int status) {
        return status / 100 != 2 && FailureKind.ofHttpStatus(status) == FailureKind.RETRIABLE;
    }
}
