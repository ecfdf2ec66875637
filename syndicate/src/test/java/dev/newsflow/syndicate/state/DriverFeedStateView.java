package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import java.util.List;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The feed-state stores of a TopologyTestDriver (one task, so one timeline store). */
public final class DriverFeedStateView implements FeedStateView {
    private final TopologyTestDriver driver;

    public DriverFeedStateView(TopologyTestDriver driver) {
        this.driver = driver;
    }

    @Override
    public ReadOnlyKeyValueStore<String, PartnerSubscription> partners() {
        return driver.getKeyValueStore(FeedStateTopology.PARTNERS_STORE);
    }

    @Override
    public ReadOnlyKeyValueStore<String, EnrichedArticle> articles() {
        return driver.getKeyValueStore(FeedStateTopology.ARTICLES_STORE);
    }

    @Override
    public List<ReadOnlyKeyValueStore<String, String>> timelinePartitions() {
        return List.of(driver.<String, String>getKeyValueStore(FeedStateTopology.TIMELINE_STORE));
    }
}
