package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.PartnerSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The stores of a running feed-state application. Each instance has its own application id and so
 * owns every partition; the timeline is returned per partition so that {@link FeedQuery} can merge
 * them in time order (the composite store would only concatenate them).
 */
public final class StreamsFeedStateView implements FeedStateView {
    private final KafkaStreams streams;
    private final ReadOnlyKeyValueStore<String, EnrichedArticle> articles;
    private final ReadOnlyKeyValueStore<String, PartnerSubscription> partners;

    /** @param feedState the topology {@code streams} runs, whose tasks publish their stores for these reads */
    public StreamsFeedStateView(KafkaStreams streams, FeedStateTopology feedState) {
        this.streams = streams;
        this.articles = feedState.localArticleStores().readingThrough(() -> streams.store(
                StoreQueryParameters.fromNameAndType(FeedStateTopology.ARTICLES_STORE,
                        QueryableStoreTypes.keyValueStore())));
        this.partners = feedState.partnerDirectory().readingThrough(this::partnersQueryHandle);
    }

    /**
     * Kept once obtained: the handle Streams gives finds the global store afresh on every read, so it stays good
     * across restores (looking it up was ~3 % of a 304 when every feed request read through it).
     */
    private volatile ReadOnlyKeyValueStore<String, PartnerSubscription> partnersHandle;

    private ReadOnlyKeyValueStore<String, PartnerSubscription> partnersQueryHandle() {
        ReadOnlyKeyValueStore<String, PartnerSubscription> store = partnersHandle;
        if (store == null) {
            store = streams.store(StoreQueryParameters.fromNameAndType(FeedStateTopology.PARTNERS_STORE,
                    QueryableStoreTypes.keyValueStore()));
            partnersHandle = store;
        }
        return store;
    }

    /** Single reads from the {@link PartnerDirectory} once loaded; the rest through the query handle. */
    @Override
    public ReadOnlyKeyValueStore<String, PartnerSubscription> partners() {
        return partners;
    }

    @Override
    public ReadOnlyKeyValueStore<String, EnrichedArticle> articles() {
        return articles;
    }

    @Override
    public List<ReadOnlyKeyValueStore<String, String>> timelinePartitions() {
        TreeSet<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                partitions.add(task.taskId().partition());
            }
        }
        List<ReadOnlyKeyValueStore<String, String>> stores = new ArrayList<>();
        for (int partition : partitions) {
            stores.add(streams.store(StoreQueryParameters.<ReadOnlyKeyValueStore<String, String>>fromNameAndType(
                    FeedStateTopology.TIMELINE_STORE, QueryableStoreTypes.keyValueStore()).withPartition(partition)));
        }
        return stores;
    }
}
