package dev.newsflow.syndicate.push;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends webhook deliveries on threads of its own, so that a slow or unreachable partner never holds a Kafka Streams
 * thread (a POST may take up to {@code syndicate.push.timeout.ms}). The outbox stays in Streams: the
 * {@link WebhookDeliverer} hands over one partner's next events as a {@link Job}, the worker POSTs them in order,
 * signed when sent, stopping at the first that is not accepted, and hands the {@link Outcome}s back; the deliverer
 * records them in its stores on the stream thread, inside the exactly-once transaction.
 */
public final class WebhookDeliveryWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

    /** One partner's next pending events, oldest first, with where and how to send them. */
    record Job(String partnerId, String url, String secret, List<Event> events) {
    }

    record Event(long sequence, String eventName, String body) {
    }

    /** What became of one event: the HTTP status (0 = no answer) and a word for the delivery log. */
    record Outcome(String partnerId, long sequence, String eventName, int status, String outcome, long attemptedAtMs) {
        boolean accepted() {
            return status / 100 == 2;
        }
    }

    private final WebhookSender sender;
    private final Clock clock;
    private final ExecutorService pool;

    private WebhookDeliveryWorker(WebhookSender sender, Clock clock, ExecutorService pool) {
        this.sender = sender;
        this.clock = clock;
        this.pool = pool;
    }

    /** Deliveries on {@code threads} daemon threads named {@code syndicate-webhook-N}. */
    public static WebhookDeliveryWorker pooled(WebhookSender sender, int threads, Clock clock) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory named = runnable -> {
            Thread thread = new Thread(runnable, "syndicate-webhook-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new WebhookDeliveryWorker(sender, clock, Executors.newFixedThreadPool(threads, named));
    }

    /** Deliveries in the calling thread: for topology tests, where the driver's punctuation is the clock. */
    static WebhookDeliveryWorker inCallingThread(WebhookSender sender, Clock clock) {
        return new WebhookDeliveryWorker(sender, clock, null);
    }

    /** Sends the job's events in order; {@code done} gets the outcomes (the last one not accepted, if any). */
    void submit(Job job, Consumer<List<Outcome>> done) {
        if (pool == null) {
            done.accept(send(job));
            return;
        }
        try {
            pool.execute(() -> done.accept(send(job)));
        } catch (RejectedExecutionException e) {
            // closing: the events stay in the outbox and are delivered after the restart
            LOG.debug("webhook worker closed; {} events of {} stay in the outbox", job.events().size(), job.partnerId());
        }
    }

    private List<Outcome> send(Job job) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Event event : job.events()) {
            long now = clock.millis();
            int status;
            String outcome;
            try {
                byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
                Map<String, String> headers = Map.of(
                        WebhookSignature.HEADER, WebhookSignature.sign(job.secret(), now / 1000, body),
                        "X-Newsflow-Sequence", Long.toString(event.sequence()),
                        "X-Newsflow-Event", event.eventName(),
                        "X-Newsflow-Partner", job.partnerId());
                status = sender.post(job.url(), body, headers);
                outcome = status / 100 == 2 ? "delivered" : "rejected";
            } catch (IOException | RuntimeException e) {
                status = 0;
                outcome = "error: " + e.getClass().getSimpleName();
            }
            Outcome result = new Outcome(job.partnerId(), event.sequence(), event.eventName(), status, outcome, now);
            outcomes.add(result);
            if (!result.accepted()) {
                break; // order: nothing after a failed event goes out before it
            }
        }
        return outcomes;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
