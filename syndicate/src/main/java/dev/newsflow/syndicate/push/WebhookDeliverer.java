package dev.newsflow.syndicate.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.platform.errors.FailureKind;
import dev.newsflow.platform.kafka.DeadLetterFactory;
import dev.newsflow.schema.DeadLetter;
import dev.newsflow.schema.PartnerSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Numbers each partner's push events (per-partner sequence, assigned once, exactly-once with the store) into an
 * outbox, and delivers the outbox in order from a wall-clock punctuation without sending anything itself: it hands
 * a partner's oldest pending events to the {@link WebhookDeliveryWorker} (one job per partner at a time), and on
 * the next punctuations records what became of them, on the stream thread and so inside the exactly-once
 * transaction: a delivered event leaves the outbox; a failure stops that partner's queue until its backoff
 * (exponential with jitter) passes; an answer retrying cannot change (a 4xx other than 408/425/429:
 * {@link FailureKind}) or N consecutive failures suspend the webhook. Events are never dropped: a suspended
 * partner's events stay in the outbox (the event that failed is also copied to the dead-letter topic for ops) and
 * are delivered once an admin write resumes it. Delivery is at-least-once: a crash (or a task moving to another
 * instance) after a 2xx but before its outcome is committed repeats the same sequence number, which receivers use
 * to drop duplicates.
 */
final class WebhookDeliverer implements Processor<String, String, String, DeadLetter> {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Most deliveries per partner per job, so one busy partner cannot hold its worker thread long. */
    private static final int BATCH = 50;
    static final String STAGE = "webhook";
    /**
     * How often the worker's outcomes are recorded: soon after each POST, so that what was delivered is committed
     * within about a commit interval and a rebalance rarely has it sent again.
     */
    private static final Duration RECORD_INTERVAL = Duration.ofMillis(20);

    private final PushSettings settings;
    private final WebhookDeliveryWorker worker;
    private final DeliveryLog log;
    private final RandomGenerator random;
    private final DeadLetterFactory deadLetters;
    /** Partners with a job at the worker; in memory: after a restart their events are simply sent again. */
    private final Set<String> inFlight = new HashSet<>();
    /** Outcomes handed back by the worker's threads, applied by the stream thread. */
    private final Queue<List<WebhookDeliveryWorker.Outcome>> completed = new ConcurrentLinkedQueue<>();
    private final Object outcomeArrived = new Object();
    private volatile boolean closed;
    private ProcessorContext<String, DeadLetter> context;
    private KeyValueStore<String, String> outbox;
    private KeyValueStore<String, String> status;
    private TimestampedKeyValueStore<String, PartnerSubscription> partners;

    WebhookDeliverer(PushSettings settings, WebhookDeliveryWorker worker, DeliveryLog log, RandomGenerator random,
                     DeadLetterFactory deadLetters) {
        this.settings = settings;
        this.worker = worker;
        this.log = log;
        this.random = random;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<String, DeadLetter> context) {
        this.context = context;
        outbox = context.getStateStore(PushTopology.OUTBOX_STORE);
        status = context.getStateStore(PushTopology.STATUS_STORE);
        partners = context.getStateStore(PushTopology.PARTNERS_STORE);
        context.schedule(settings.interval(), PunctuationType.WALL_CLOCK_TIME, this::deliver);
        context.schedule(RECORD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::applyCompleted);
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

    /** Drops a deleted partner's pending events and push state. */
    private void forget(String partnerId) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, String> pending = outbox.range(partnerId + "|", partnerId + "|~")) {
            pending.forEachRemaining(entry -> keys.add(entry.key));
        }
        keys.forEach(outbox::delete);
        status.delete(partnerId);
        LOG.info("partner {} was deleted: dropped {} pending webhook events and its push state", partnerId,
                keys.size());
    }

    static String outboxKey(String partnerId, long sequence) {
        return partnerId + "|" + String.format("%019d", sequence);
    }

    private void deliver(long nowMs) {
        applyCompleted(nowMs);
        for (Map.Entry<String, List<KeyValue<String, String>>> pending : pendingByPartner().entrySet()) {
            dispatch(pending.getKey(), pending.getValue(), nowMs);
        }
        applyCompleted(nowMs); // a worker running in this thread (tests) has finished already
    }

    /** Up to BATCH oldest outbox entries per partner without a job at the worker, in sequence order. */
    private Map<String, List<KeyValue<String, String>>> pendingByPartner() {
        Map<String, List<KeyValue<String, String>>> pending = new LinkedHashMap<>();
        try (KeyValueIterator<String, String> all = outbox.all()) {
            while (all.hasNext()) {
                KeyValue<String, String> entry = all.next();
                String partnerId = partnerOf(entry.key);
                if (inFlight.contains(partnerId)) {
                    continue;
                }
                List<KeyValue<String, String>> list = pending.computeIfAbsent(partnerId, id -> new ArrayList<>());
                if (list.size() < BATCH) {
                    list.add(entry);
                }
            }
        }
        return pending;
    }

    private void dispatch(String partnerId, List<KeyValue<String, String>> entries, long nowMs) {
        ValueAndTimestamp<PartnerSubscription> stored = partners.get(partnerId);
        PartnerSubscription partner = stored == null ? null : stored.value();
        if (partner == null) {
            forget(partnerId); // deleted: its events must not reach a partner created later with the same id
            return;
        }
        if (!partner.getEnabled() || partner.getWebhookUrl() == null) {
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
        List<WebhookDeliveryWorker.Event> events = new ArrayList<>();
        for (KeyValue<String, String> entry : entries) {
            events.add(new WebhookDeliveryWorker.Event(sequenceOf(entry.key), eventName(entry.value), entry.value));
        }
        inFlight.add(partnerId);
        worker.submit(new WebhookDeliveryWorker.Job(partnerId, partner.getWebhookUrl(), partner.getWebhookSecret(),
                events), outcomes -> {
                    if (!closed) {
                        completed.add(outcomes);
                        synchronized (outcomeArrived) {
                            outcomeArrived.notifyAll();
                        }
                    }
                });
    }

    /** Records what the worker reported, in order, as the stream thread's own state changes. */
    private void applyCompleted(long nowMs) {
        List<WebhookDeliveryWorker.Outcome> outcomes;
        while ((outcomes = completed.poll()) != null) {
            for (WebhookDeliveryWorker.Outcome outcome : outcomes) {
                apply(outcome, nowMs);
            }
            if (!outcomes.isEmpty()) {
                inFlight.remove(outcomes.get(0).partnerId());
            }
        }
    }

    private void apply(WebhookDeliveryWorker.Outcome outcome, long nowMs) {
        String partnerId = outcome.partnerId();
        String key = outboxKey(partnerId, outcome.sequence());
        PushStatus current = PushStatus.fromJson(status.get(partnerId));
        Instant at = Instant.ofEpochMilli(outcome.attemptedAtMs());
        if (outcome.accepted()) {
            outbox.delete(key);
            status.put(partnerId, current.succeeded().toJson());
            log.record(partnerId, new DeliveryLog.Attempt(at, outcome.sequence(), outcome.eventName(),
                    outcome.status(), outcome.outcome(), 0));
            LOG.debug("delivered {} #{} to partner {}", outcome.eventName(), outcome.sequence(), partnerId);
            return;
        }
        PushStatus failed = current.failed(nowMs + backoff(current.failures() + 1));
        boolean fatal = FailureKind.ofHttpStatus(outcome.status()) == FailureKind.FATAL;
        if (fatal || failed.failures() >= settings.suspendAfterFailures()) {
            ValueAndTimestamp<PartnerSubscription> partner = partners.get(partnerId);
            failed = failed.suspend(partner == null ? 0 : partner.value().getUpdatedAt().toEpochMilli());
            LOG.warn("webhook of partner {} suspended after {} (last: {} {})", partnerId, fatal
                    ? "an answer retrying cannot change" : failed.failures() + " consecutive failures",
                    outcome.status(), outcome.outcome());
            String body = outbox.get(key);
            context.forward(new Record<>(partnerId, deadLetter(partnerId, outcome.sequence(),
                    body == null ? "" : body, outcome.status(), outcome.outcome()), nowMs));
        } else {
            LOG.info("webhook delivery #{} to partner {} failed ({} {}); attempt {} again in {} ms",
                    outcome.sequence(), partnerId, outcome.status(), outcome.outcome(), failed.failures(),
                    failed.nextAttemptAtMs() - nowMs);
        }
        status.put(partnerId, failed.toJson());
        log.record(partnerId, new DeliveryLog.Attempt(at, outcome.sequence(), outcome.eventName(), outcome.status(),
                outcome.outcome(), failed.failures()));
    }

    /**
     * The task is closing (a rebalance moves it, or the service stops): Streams commits what this processor wrote
     * after this returns, so the outcomes of POSTs already under way are waited for (up to the push timeout) and
     * recorded, rather than sent again by the next owner of the task.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + settings.closeWait().toNanos();
        try {
            applyCompleted(System.currentTimeMillis());
            while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
                synchronized (outcomeArrived) {
                    if (completed.isEmpty()) {
                        outcomeArrived.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    }
                }
                applyCompleted(System.currentTimeMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("could not record the last webhook outcomes before closing; those events are sent again", e);
        } finally {
            closed = true;
        }
        if (!inFlight.isEmpty()) {
            LOG.info("webhook deliveries to {} still under way at close; they are sent again after the restart",
                    inFlight);
        }
    }

    private static String partnerOf(String outboxKey) {
        return outboxKey.substring(0, outboxKey.lastIndexOf('|'));
    }

    private static long sequenceOf(String outboxKey) {
        return Long.parseLong(outboxKey.substring(outboxKey.lastIndexOf('|') + 1));
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

    private DeadLetter deadLetter(String partnerId, long sequence, String body, int code, String outcome) {
        return deadLetters.of(STAGE, "WebhookSuspended", "partner " + partnerId + " webhook suspended at event #"
                        + sequence + ": " + code + " " + outcome
                        + "; events are kept and delivered when the webhook is resumed", DeadLetterFactory.Source.NONE,
                partnerId.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
    }

    /** The push knobs, from SyndicateConfig. */
    record PushSettings(Duration interval, Duration backoffInitial, Duration backoffMax, int suspendAfterFailures,
                        Duration closeWait) {
    }
}
