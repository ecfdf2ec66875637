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
}
