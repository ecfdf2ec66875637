package dev.newsflow.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(3);

    @Test
    void afterProgressTheWaitIsWhatIngestAsked() {
        assertThat(policy.wait(0, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.wait(0, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void idleRoundsDoubleTheWaitButNeverWaitLessThanRetryAfterNorMoreThanAMinute() {
        assertThat(policy.wait(1, Optional.empty())).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.wait(2, Optional.empty())).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.wait(3, Optional.empty())).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.wait(3, Optional.of(Duration.ofSeconds(10)))).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.wait(40, Optional.empty())).isEqualTo(RetryPolicy.MAX_WAIT);
        assertThat(policy.wait(1, Optional.of(Duration.ofHours(1)))).isEqualTo(RetryPolicy.MAX_WAIT);
    }

    @Test
    void givesUpAfterMaxRetriesIdleRoundsInARow() {
        assertThat(policy.exhausted(3)).isFalse();
        assertThat(policy.exhausted(4)).isTrue();
        assertThat(new RetryPolicy(0).exhausted(1)).isTrue();
        assertThatThrownBy(() -> new RetryPolicy(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsRetryAfterSecondsAndIgnoresWhatItCannotRead() {
        assertThat(RetryPolicy.retryAfter(Optional.of(" 7 "))).contains(Duration.ofSeconds(7));
        assertThat(RetryPolicy.retryAfter(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"))).isEmpty();
        assertThat(RetryPolicy.retryAfter(Optional.empty())).isEmpty();
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedRefusalsAreNot() {
        assertThat(RetryPolicy.retriable(429)).isTrue();
        assertThat(RetryPolicy.retriable(503)).isTrue();
        assertThat(RetryPolicy.retriable(500)).isTrue();
        assertThat(RetryPolicy.retriable(422)).isFalse();
        assertThat(RetryPolicy.retriable(401)).isFalse();
    }
}
