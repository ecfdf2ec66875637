package dev.newsflow.platform.kafka;

import dev.newsflow.platform.errors.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every newsflow Streams application does when a stream thread dies. A fatal failure (a schema subject that
 * is not registered, a denied credential: {@link FailureKind}) shuts the client down at once, since retrying
 * cannot help; the service's /health then reports it. Anything else is retried by replacing the thread (with
 * exactly-once, its open transaction is aborted and the records are processed again), unless threads keep dying:
 * more than {@code maxFailures} within {@code window} is not transient either, and shuts the client down instead
 * of a silent crash loop.
 */
public final class StreamThreadFailurePolicy implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailurePolicy.class);

    private final String application;
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Deque<Long> failures = new ArrayDeque<>();

    public StreamThreadFailurePolicy(String application, int maxFailures, Duration window, Clock clock) {
        this.application = application;
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** Five replaced threads in ten minutes, the sixth death stops the client. */
    public static StreamThreadFailurePolicy standard(String application) {
        return new StreamThreadFailurePolicy(application, 5, Duration.ofMinutes(10), Clock.systemUTC());
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable failure) {
        if (FailureKind.of(failure) == FailureKind.FATAL) {
            LOG.error("{}: a stream thread failed on something retrying cannot fix; shutting Kafka Streams down "
                    + "(fix the cause and restart)", application, failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        StreamThreadExceptionResponse response = withinBudget() ? StreamThreadExceptionResponse.REPLACE_THREAD
                : StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        LOG.error("{}: a stream thread failed; {}", application,
                response == StreamThreadExceptionResponse.REPLACE_THREAD ? "replacing it"
                        : "too many failures, shutting Kafka Streams down", failure);
        return response;
    }

    private synchronized boolean withinBudget() {
        long now = clock.millis();
        failures.addLast(now);
        while (!failures.isEmpty() && failures.peekFirst() < now - window.toMillis()) {
            failures.removeFirst();
        }
        return failures.size() <= maxFailures;
    }
}
