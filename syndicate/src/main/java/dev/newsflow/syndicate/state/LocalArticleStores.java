package dev.newsflow.syndicate.state;

import dev.newsflow.schema.EnrichedArticle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The articles stores of this instance's feed-state tasks, as the processor of each task opened them, for feed
 * reads. A feed page reads 100 articles; through Kafka Streams' interactive-query handle every {@code get} first
 * finds the stores again by walking every task, which made about half of the syndicator's HTTP threads' garbage
 * (BENCHMARKS.md, issue 20). A task's processor publishes its store when it starts and withdraws it when it
 * closes; a read that finds no store, or one that was closed under it (a task being revived after a failure),
 * goes through the interactive-query handle as before, which knows the current stores or says none is ready.
 */
public final class LocalArticleStores {
    private final Map<Integer, KeyValueStore<String, EnrichedArticle>> byPartition = new ConcurrentHashMap<>();

    void opened(int partition, KeyValueStore<String, EnrichedArticle> store) {
        byPartition.put(partition, store);
    }

    void closed(int partition, KeyValueStore<String, EnrichedArticle> store) {
        byPartition.remove(partition, store);
    }

    /** How many task stores are published (for tests). */
    int published() {
        return byPartition.size();
    }

    /**
     * Gets through the published stores, each tried as the interactive-query handle tries every task's store;
     * anything else, and any get a published store cannot answer, through {@code queryHandle}.
     */
    ReadOnlyKeyValueStore<String, EnrichedArticle> readingThrough(
            Supplier<ReadOnlyKeyValueStore<String, EnrichedArticle>> queryHandle) {
        return new GetsFirstElsewhere<>(queryHandle) {
            @Override
            public EnrichedArticle get(String key) {
                try {
                    for (KeyValueStore<String, EnrichedArticle> store : byPartition.values()) {
                        EnrichedArticle article = store.get(key);
                        if (article != null) {
                            return article;
                        }
                    }
                } catch (InvalidStateStoreException closedUnderUs) {
                    // a task being revived: the handle knows its current store, or says none is ready
                }
                // none published, none holding it, or one closed: the tasks may be changing, so the handle decides
                return queryHandle().get(key);
            }
        };
    }
}
