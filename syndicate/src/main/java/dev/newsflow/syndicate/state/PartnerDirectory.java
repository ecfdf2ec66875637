package dev.newsflow.syndicate.state;

import dev.newsflow.schema.PartnerSubscription;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Every partner of the global partner store, decoded and in memory, for the feed requests of this instance. Each
 * feed request, 304s included, reads its partner; through Kafka Streams' query handle that read crosses the
 * composite store, the metered store's latency clock and RocksDB, which was an eighth of an answer from memory
 * (BENCHMARKS.md, issue 20). The global store's processor loads the directory when it starts (after the store is
 * restored) and keeps it current with every record it stores. Until loaded, and once withdrawn, reads go through the
 * query handle, which knows whether the store is ready or says it is not.
 */
public final class PartnerDirectory {
    /** Null while not loaded. */
    private volatile Map<String, PartnerSubscription> partners;

    void load(Map<String, PartnerSubscription> stored) {
        partners = new ConcurrentHashMap<>(stored);
    }

    void put(String partnerId, PartnerSubscription partner) {
        Map<String, PartnerSubscription> current = partners;
        if (current != null) {
            current.put(partnerId, partner);
        }
    }

    void remove(String partnerId) {
        Map<String, PartnerSubscription> current = partners;
        if (current != null) {
            current.remove(partnerId);
        }
    }

    /**
     * Reads go through the query handle from now on. Kafka Streams never closes a global store's processor, so the
     * application withdraws the directory when it stops running: a global thread that died no longer updates it,
     * and a revoked token must not stay good.
     */
    public void withdraw() {
        partners = null;
    }

    boolean loaded() {
        return partners != null;
    }

    /**
     * Gets from the directory once it is loaded, else through {@code queryHandle}; iterations always through
     * {@code queryHandle} (the feed watcher's, a few per second, not worth a second way).
     */
    ReadOnlyKeyValueStore<String, PartnerSubscription> readingThrough(
            Supplier<ReadOnlyKeyValueStore<String, PartnerSubscription>> queryHandle) {
        return new GetsFirstElsewhere<>(queryHandle) {
            @Override
            public PartnerSubscription get(String partnerId) {
                Map<String, PartnerSubscription> current = partners;
                return current != null ? current.get(partnerId) : queryHandle().get(partnerId);
            }
        };
    }
}
