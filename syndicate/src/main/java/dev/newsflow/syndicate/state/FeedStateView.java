package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import java.util.List;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Read access to the feed-state stores, whether they live in a running KafkaStreams instance or in
 * a TopologyTestDriver. The timeline comes as one store per partition, each ordered by time.
 */
public interface FeedStateView {
    ReadOnlyKeyValueStore<String, PartnerSubscription> partners();

    ReadOnlyKeyValueStore<String, EnrichedArticle> articles();

    List<ReadOnlyKeyValueStore<String, String>> timelinePartitions();

    /** Finds a store by name, as {@code TopologyTestDriver::getKeyValueStore} does. */
    @FunctionalInterface
    interface StoresByName {
        <K, V> ReadOnlyKeyValueStore<K, V> store(String name);
    }

    /**
     * The stores of a single Streams task (a TopologyTestDriver's, in tests and benchmarks), so one timeline store:
     * {@code FeedStateView.ofSingleTask(driver::getKeyValueStore)}.
     */
    static FeedStateView ofSingleTask(StoresByName stores) {
        return new FeedStateView() {
            @Override
            public ReadOnlyKeyValueStore<String, PartnerSubscription> partners() {
                return stores.store(FeedStateTopology.PARTNERS_STORE);
            }

            @Override
            public ReadOnlyKeyValueStore<String, EnrichedArticle> articles() {
                return stores.store(FeedStateTopology.ARTICLES_STORE);
            }

            @Override
            public List<ReadOnlyKeyValueStore<String, String>> timelinePartitions() {
                return List.of(stores.store(FeedStateTopology.TIMELINE_STORE));
            }
        };
    }
}
