package dev.newsflow.syndicate.state;

import java.util.function.Supplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A read-only store over Kafka Streams' interactive-query handle whose single gets a subclass may answer from
 * somewhere closer (a task's own store, memory); iterations and counts always go through the handle.
 */
abstract class GetsFirstElsewhere<V> implements ReadOnlyKeyValueStore<String, V> {
    private final Supplier<ReadOnlyKeyValueStore<String, V>> queryHandle;

    GetsFirstElsewhere(Supplier<ReadOnlyKeyValueStore<String, V>> queryHandle) {
        this.queryHandle = queryHandle;
    }

    final ReadOnlyKeyValueStore<String, V> queryHandle() {
        return queryHandle.get();
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return queryHandle().range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return queryHandle().all();
    }

    @Override
    public long approximateNumEntries() {
        return queryHandle().approximateNumEntries();
    }
}
