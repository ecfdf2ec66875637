package dev.newsflow.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SinceConverterTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void aTimeAgoCountsBackFromNowAndAnInstantIsTakenAsIs() {
        assertThat(SinceConverter.parse("90s", NOW)).isEqualTo("2026-12-07T11:58:30Z");
        assertThat(SinceConverter.parse("15m", NOW)).isEqualTo("2026-12-07T11:45:00Z");
        assertThat(SinceConverter.parse("1h", NOW)).isEqualTo("2026-12-07T11:00:00Z");
        assertThat(SinceConverter.parse("7D", NOW)).isEqualTo("2026-11-30T12:00:00Z");
        assertThat(SinceConverter.parse("2026-12-01T08:00:00Z", NOW)).isEqualTo("2026-12-01T08:00:00Z");
    }
}
