package dev.newsflow.syndicate.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.PartnerSubscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Numbers each partner's push events (per-partner sequence, assigned once, exactly-once with the
 * store) into an outbox, and delivers the outbox in order from a wall-clock punctuation: the oldest
 * pending event of a partner first, signed; a failure stops that partner's queue until its backoff
 * (exponential with jitter) passes, and after N consecutive failures the webhook is suspended. Events
 * are never dropped: a suspended partner's events stay in the outbox (the event that failed is also
 * copied to the dead-letter topic for ops) and are delivered once an admin write resumes it.
 * Delivery is at-least-once: a crash after a 2xx but before the commit repeats the same sequence
 * number, which receivers use to drop duplicates.
 */
final class WebhookDeliverer implements Processor<String, String, String, DeadLetter> {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Most deliveries per partner per punctuation, so one busy partner cannot hold the others up long. */
    private static final int BATCH = 50;

    private final PushSettings settings;
    private final WebhookSender sender;
    private final DeliveryLog log;
    private final RandomGenerator random;
    private ProcessorContext<String, DeadLetter> context;
    private KeyValueStore<String, String> outbox;
    private KeyValueStore<String, String> status;
    private TimestampedKeyValueStore<String, PartnerSubscription> partners;

    WebhookDeliverer(PushSettings settings, WebhookSender sender, DeliveryLog log, RandomGenerator random) {
        this.settings = settings;
        this.sender = sender;
        this.log = log;
        this.random = random;
    }

    @Override
    public void init(ProcessorContext<String, DeadLetter> context) {
        this.context = context;
        outbox = context.getStateStore(PushTopology.OUTBOX_STORE);
        status = context.getStateStore(PushTopology.STATUS_STORE);
        partners = context.getStateStore(PushTopology.PARTNERS_STORE);
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, this::deliver);
    }

    @Override
    public void process(Record<String, String> record) {
        String partnerId = record.key();
        PushStatus current = PushStatus.fromJson(status.get(partnerId));
        long sequence = current.nextSequence();
        ObjectNode body;
        try {
            body = (ObjectNode) MAPPER.readTree(record.value());
        } catch (JsonProcessingException | ClassCastException e) {
            LOG.error("unreadable push event for {}; skipped", partnerId, e);
            return;
        }
        body.put("sequence", sequence);
        outbox.put(outboxKey(partnerId, sequence), body.toString());
        status.put(partnerId, current.withNextSequence(sequence + 1).toJson());
    }

    static String outboxKey(String partnerId, long sequence) {
        return partnerId + "|" + String.format("%019d", sequence);
    }

    private void deliver(long nowMs) {
        for (Map.Entry<String, List<KeyValue<String, String>>> pending : pendingByPartner().entrySet()) {
            deliverPartner(pending.getKey(), pending.getValue(), nowMs);
        }
    }

    /** Up to BATCH oldest outbox entries per partner, in sequence order. */
    private Map<String, List<KeyValue<String, String>>> pendingByPartner() {
        Map<String, List<KeyValue<String, String>>> pending = new LinkedHashMap<>();
        try (KeyValueIterator<String, String> all = outbox.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                String partnerId = entry.key.substring(0, entry.key.lastIndexOf('|'));
                List<KeyValue<String, String>> list = pending.computeIfAbsent(partnerId, id -> new ArrayList<>());
                if (list.size() < BATCH) {
                    list.add(entry);
                }
            }
        }
        return pending;
    }

    private void deliverPartner(String partnerId, List<KeyValue<String, String>> entries, long nowMs) {
        ValueAndTimestamp<PartnerSubscription> stored = partners.get(partnerId);
        PartnerSubscription partner = stored == null ? null : stored.value();
        if (partner == null || !partner.getEnabled() || partner.getWebhookUrl() == null) {
            return; // kept until the partner is enabled again or given a webhook
        }
        PushStatus current = PushStatus.fromJson(status.get(partnerId));
        if (current.suspended()) {
            if (partner.getUpdatedAt().toEpochMilli() <= current.suspendedAtPartnerUpdateMs()) {
                return;
            }
            LOG.info("webhook of partner {} resumed by a newer partner record", partnerId);
            current = current.resumed();
            status.put(partnerId, current.toJson());
        }
        if (nowMs < current.nextAttemptAtMs()) {
            return;
        }
        for (KeyValue<String, String> entry : entries) {
            long sequence = Long.parseLong(entry.key.substring(entry.key.lastIndexOf('|') + 1));
            byte[] body = entry.value.getBytes(StandardCharsets.UTF_8);
            String event = eventName(entry.value);
            Map<String, String> headers = Map.of(
                    WebhookSignature.HEADER, WebhookSignature.sign(partner.getWebhookSecret(), nowMs / 1000, body),
                    "X-Newsflow-Sequence", Long.toString(sequence),
                    "X-Newsflow-Event", event,
                    "X-Newsflow-Partner", partnerId);
            int code;
            String outcome;
            try {
                code = sender.post(partner.getWebhookUrl(), body, headers);
                outcome = code / 100 == 2 ? "delivered" : "rejected";
            } catch (IOException | RuntimeException e) {
                code = 0;
                outcome = "error: " + e.getClass().getSimpleName();
            }
            if (code / 100 == 2) {
                outbox.delete(entry.key);
                current = current.succeeded();
                status.put(partnerId, current.toJson());
                log.record(partnerId, new DeliveryLog.Attempt(Instant.ofEpochMilli(nowMs), sequence, event, code,
                        outcome, 0));
                LOG.debug("delivered {} #{} to partner {}", event, sequence, partnerId);
                continue;
            }
            PushStatus failed = current.failed(nowMs + backoff(current.failures() + 1));
            if (failed.failures() >= settings.suspendAfterFailures()) {
                failed = failed.suspend(partner.getUpdatedAt().toEpochMilli());
                LOG.warn("webhook of partner {} suspended after {} consecutive failures (last: {} {})", partnerId,
                        failed.failures(), code, outcome);
                context.forward(new Record<>(partnerId, deadLetter(partnerId, sequence, entry.value, code, outcome,
                        nowMs), nowMs));
            } else {
                LOG.info("webhook delivery #{} to partner {} failed ({} {}); attempt {} again in {} ms", sequence,
                        partnerId, code, outcome, failed.failures(), failed.nextAttemptAtMs() - nowMs);
            }
            status.put(partnerId, failed.toJson());
            log.record(partnerId, new DeliveryLog.Attempt(Instant.ofEpochMilli(nowMs), sequence, event, code, outcome,
                    failed.failures()));
            return; // order: nothing after a failed event goes out before it
        }
    }

    /** initial * 2^(n-1), capped, plus up to 50% jitter so that many failing partners do not retry in step. */
    long backoff(int failures) {
        long initial = settings.backoffInitial().toMillis();
        long max = settings.backoffMax().toMillis();
        long base = failures >= 62 ? max : Math.min(max, initial << Math.min(failures - 1, 30));
        return base + (long) (random.nextDouble() * base * 0.5);
    }

    private static String eventName(String body) {
        try {
            return MAPPER.readTree(body).path("event").asText("unknown");
        } catch (JsonProcessingException e) {
            return "unknown";
        }
    }

    private static DeadLetter deadLetter(String partnerId, long sequence, String body, int code, String outcome,
                                         long nowMs) {
        return DeadLetter.newBuilder()
                .setService("syndicate")
                .setStage("webhook")
                .setSourceTopic(null)
                .setErrorClass("WebhookSuspended")
                .setErrorMessage("partner " + partnerId + " webhook suspended at event #" + sequence + ": " + code + " "
                        + outcome + "; events are kept and delivered when the webhook is resumed")
                .setFailedAt(Instant.ofEpochMilli(nowMs))
                .setKey(java.nio.ByteBuffer.wrap(partnerId.getBytes(StandardCharsets.UTF_8)))
                .setValue(java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    /** The push knobs, from SyndicateConfig. */
    record PushSettings(Duration interval, Duration backoffInitial, Duration backoffMax, int suspendAfterFailures) {
    }
}
