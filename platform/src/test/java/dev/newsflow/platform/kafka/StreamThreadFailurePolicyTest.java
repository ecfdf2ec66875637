package dev.newsflow.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.schemas.registry.SchemaRegistryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailurePolicyTest {
    private static final RuntimeException TRANSIENT = new IllegalStateException("registry briefly unreachable");
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
        StreamThreadFailurePolicy budget = new StreamThreadFailurePolicy("test", 2, Duration.ofMinutes(10), clock);
        assertThat(budget.handle(TRANSIENT)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(budget.handle(TRANSIENT)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(budget.handle(TRANSIENT)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        StreamThreadFailurePolicy budget = new StreamThreadFailurePolicy("test", 2, Duration.ofMinutes(10), clock);
        budget.handle(TRANSIENT);
        budget.handle(TRANSIENT);
        now.set(now.get().plus(Duration.ofMinutes(11)));
        assertThat(budget.handle(TRANSIENT)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void aSubjectThatIsNotRegisteredStopsTheClientAtOnceWhileAnUnreachableRegistryIsRetried() {
        StreamThreadFailurePolicy policy = new StreamThreadFailurePolicy("test", 2, Duration.ofMinutes(10), clock);
        RuntimeException notRegistered = new StreamsException(new SerializationException("no schema id",
                new SchemaRegistryException(404, 40401, "Subject 'articles-enriched-value' not found.")));
        assertThat(policy.handle(notRegistered)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        RuntimeException unreachable = new StreamsException(new SerializationException("no schema id",
                new SchemaRegistryException("schema registry unreachable", new java.net.ConnectException("refused"))));
        assertThat(policy.handle(unreachable)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
