package dev.newsflow.schemas.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic, declared once: its name, the serdes of its key and value, and whether it is
 * compacted. Producers, consumers and topologies take their serdes from here.
 */
public record TopicSpec<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted,
                              String description) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
    }

    @Override
    public String toString() {
        return name;
    }
}
