package dev.newsflow.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeadLetterFilterTest {
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    private static DeadLetterEntry entry(int offset, Instant failedAt, String service, String stage) {
        return new DeadLetterEntry(new DeadLetterId(0, offset), "k", failedAt, service, stage, "E", "why",
                "articles-submitted", 0, 5L, null, new byte[] {1});
    }

    @Test
    void selectsByTimeStageServiceAndIds() {
        DeadLetterEntry early = entry(1, NOON.minusSeconds(3600), "enrich", "deserialization");
        DeadLetterEntry late = entry(2, NOON.plusSeconds(60), "enrich", "validation");
        DeadLetterEntry webhook = entry(3, NOON.plusSeconds(120), "syndicate", "webhook");

        assertThat(new DeadLetterFilter(NOON, null, null, Set.of()).test(early)).isFalse();
        assertThat(new DeadLetterFilter(NOON, null, null, Set.of()).test(late)).isTrue();
        assertThat(new DeadLetterFilter(NOON, null, null, Set.of()).test(
                entry(4, NOON, "enrich", "validation"))).as("at the boundary").isTrue();
        assertThat(new DeadLetterFilter(null, "validation", null, Set.of()).test(late)).isTrue();
        assertThat(new DeadLetterFilter(null, "validation", null, Set.of()).test(early)).isFalse();
        assertThat(new DeadLetterFilter(null, null, "syndicate", Set.of()).test(webhook)).isTrue();
        assertThat(new DeadLetterFilter(null, null, "syndicate", Set.of()).test(late)).isFalse();
        assertThat(new DeadLetterFilter(null, null, null, Set.of(new DeadLetterId(0, 2))).test(late)).isTrue();
        assertThat(new DeadLetterFilter(null, null, null, Set.of(new DeadLetterId(0, 2))).test(early)).isFalse();
        assertThat(DeadLetterFilter.ALL.test(early)).isTrue();
    }

    @Test
    void aDeadLetterWithoutSourceOrBytesSaysWhyItCannotBeReplayed() {
        DeadLetterEntry webhook = new DeadLetterEntry(new DeadLetterId(0, 9), "acme", NOON, "syndicate", "webhook",
                "WebhookSuspended", "suspended", null, null, null, null, new byte[] {1});
        assertThat(webhook.notReplayableBecause()).contains("resume-webhook");
        assertThat(webhook.source()).isEqualTo("-");
        DeadLetterEntry noValue = new DeadLetterEntry(new DeadLetterId(0, 10), "k", NOON, "enrich",
                "deserialization", "E", "tombstone", "articles-submitted", 1, 7L, null, null);
        assertThat(noValue.notReplayableBecause()).contains("no original value");
        assertThat(entry(1, NOON, "enrich", "validation").notReplayableBecause()).isNull();
        assertThat(entry(1, NOON, "enrich", "validation").source()).isEqualTo("articles-submitted/0/5");
    }
}
