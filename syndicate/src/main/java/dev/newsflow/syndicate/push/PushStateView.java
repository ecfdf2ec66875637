package dev.newsflow.syndicate.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schema.PartnerSubscription;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A partner's webhook delivery as this instance knows it, for the admin API ({@code partners show}): the webhook
 * URL, the state (idle, delivering, retrying, suspended), failures, deliveries, the next sequence number, events
 * waiting and the last attempt. The push state of a partner lives in one instance's push tasks (they are
 * partitioned by partner id), like the delivery log: in a cluster, the instance that holds it has the whole state,
 * the others report it as idle; while the push application is starting or rebalancing here the state is
 * {@code unknown here}.
 */
public final class PushStateView {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaStreams push;
    private final DeliveryLog log;

    /** @param push the push application, or null when push is off */
    public PushStateView(KafkaStreams push, DeliveryLog log) {
        this.push = push;
        this.log = log;
    }

    /** The {@code push} object of a partner with a webhook; empty for one without. */
    public Optional<ObjectNode> describe(PartnerSubscription partner) {
        if (partner.getWebhookUrl() == null) {
            return Optional.empty();
        }
        String partnerId = partner.getPartnerId();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("webhookUrl", partner.getWebhookUrl());
        Optional<PushStatus> status = Optional.empty();
        boolean known = false;
        long pending = 0;
        if (push != null) {
            try {
                String json = store(PushTopology.STATUS_STORE).get(partnerId);
                // The status lives with the instance whose push task holds the partner's partition; while the push
                // application runs here, a partner it has no status for has had nothing pushed by this instance.
                known = json != null || push.state() == KafkaStreams.State.RUNNING;
                if (json != null) {
                    status = Optional.of(PushStatus.fromJson(json));
                }
                if (known) {
                    try (KeyValueIterator<String, String> waiting = store(PushTopology.OUTBOX_STORE)
                            .range(partnerId + "|", partnerId + "|~")) {
                        while (waiting.hasNext()) {
                            waiting.next();
                            pending++;
                        }
                    }
                }
            } catch (InvalidStateStoreException e) {
                known = false; // restoring or rebalancing
            }
        }
        node.put("state", state(known, status));
        status.ifPresent(s -> node.put("suspended", s.suspended()).put("consecutiveFailures", s.failures())
                .put("delivered", s.delivered()).put("nextSequence", s.nextSequence()));
        if (known) {
            node.put("pending", pending);
        }
        List<DeliveryLog.Attempt> attempts = log.attempts(partnerId);
        if (attempts.isEmpty()) {
            node.putNull("lastDelivery");
        } else {
            DeliveryLog.Attempt last = attempts.get(0);
            node.putObject("lastDelivery").put("at", last.at().toString()).put("sequence", last.sequence())
                    .put("event", last.event()).put("status", last.status()).put("outcome", last.outcome())
                    .put("consecutiveFailures", last.failures());
        }
        return Optional.of(node);
    }

    private static String state(boolean known, Optional<PushStatus> status) {
        if (!known) {
            return "unknown here";
        }
        if (status.isEmpty()) {
            return "idle";
        }
        PushStatus s = status.get();
        if (s.suspended()) {
            return "suspended";
        }
        if (s.failures() > 0) {
            return "retrying";
        }
        return s.delivered() > 0 ? "delivering" : "idle";
    }

    private ReadOnlyKeyValueStore<String, String> store(String name) {
        return push.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }
}
