package dev.newsflow.syndicate.state;

import dev.newsflow.schema.PartnerSubscription;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global partner store as a global table would (latest record per partner id, a tombstone deletes), and
 * the {@link PartnerDirectory} with it.
 */
final class PartnerStoreProcessor implements Processor<String, PartnerSubscription, Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerStoreProcessor.class);

    private final PartnerDirectory directory;
    private TimestampedKeyValueStore<String, PartnerSubscription> store;

    PartnerStoreProcessor(PartnerDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(FeedStateTopology.PARTNERS_STORE);
        Map<String, PartnerSubscription> stored = new HashMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<PartnerSubscription>> all = store.all()) {
            all.forEachRemaining(entry -> {
                PartnerSubscription partner = ValueAndTimestamp.getValueOrNull(entry.value);
                if (partner != null) {
                    stored.put(entry.key, partner);
                }
            });
        }
        directory.load(stored);
    }

    @Override
    public void process(Record<String, PartnerSubscription> record) {
        String partnerId = record.key();
        if (partnerId == null) {
            // as a global table does: a record without a key names no partner
            LOG.warn("skipping a partner record without a key");
            return;
        }
        if (record.value() == null) {
            store.delete(partnerId);
            directory.remove(partnerId);
        } else {
            store.put(partnerId, ValueAndTimestamp.make(record.value(), record.timestamp()));
            directory.put(partnerId, record.value());
        }
    }
}
