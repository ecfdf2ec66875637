package dev.newsflow.bench.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerRequestCountsTest {
    @Test
    void theDifferenceKeepsOnlyKindsHandledInBetween() {
        BrokerRequestCounts before = new BrokerRequestCounts(Map.of("Produce", 100L, "Fetch", 40L, "Metadata", 7L));
        BrokerRequestCounts after = new BrokerRequestCounts(Map.of("Produce", 130L, "Fetch", 45L, "Metadata", 7L,
                "EndTxn", 3L));

        BrokerRequestCounts run = after.since(before);

        assertThat(run.byRequest()).containsExactlyInAnyOrderEntriesOf(Map.of("Produce", 30L, "Fetch", 5L, "EndTxn", 3L));
        assertThat(run.total()).isEqualTo(38);
        assertThat(run.of("Metadata")).isZero();
    }

    @Test
    void fetchesMeteredTwiceByTheBrokerAreCountedOnce() {
        assertThat(BrokerRequestCounts.countedApart("Fetch")).isTrue();
        assertThat(BrokerRequestCounts.countedApart("FetchConsumer")).isFalse();
        assertThat(BrokerRequestCounts.countedApart("FetchFollower")).isFalse();
        assertThat(BrokerRequestCounts.countedApart("Produce")).isTrue();
    }
}
