package dev.newsflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait before a run: at least the quiet period, never beyond its cap. */
class OwnJitSettlingTest {
    @Test
    void waitsForAQuietCompilerButNoLongerThanTheCap() {
        Duration waited = OwnJitSettling.await(Duration.ofMillis(300), Duration.ofSeconds(20));
        assertThat(waited).isBetween(Duration.ofMillis(300), Duration.ofSeconds(20).plusSeconds(1));

        assertThat(OwnJitSettling.await(Duration.ofHours(1), Duration.ofMillis(400)))
                .as("a compiler that never stays quiet that long: the cap")
                .isBetween(Duration.ofMillis(400), Duration.ofSeconds(5));
    }
}
