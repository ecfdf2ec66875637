package dev.newsflow.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A publisher posting new articles to ingest at a steady rate (one every {@code interval}, at most
 * {@code maxInFlight} waiting for an answer at once, so a slow ingest is not buried under a queue), each with a
 * guid of its own and never retried: every answer is kept, with when its request started and ended, so a test can
 * ask what ingest answered while the cluster was in a given state.
 */
final class SteadyPublisherLoad implements AutoCloseable {
    /** One request and its answer; {@code status} 0 is no answer (connection refused, timeout). */
    record Outcome(int index, String guid, int status, String articleId, Optional<String> retryAfter, String body,
                   long startedNanos, long endedNanos) {
        /** 202, or 200 when ingest knew the very same version already (a retry whose first write had landed). */
        boolean accepted() {
            return status == 202 || status == 200;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService publishers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final String ingestUrl;
    private final String apiKey;
    private final String run;
    private final int maxInFlight;

    private SteadyPublisherLoad(String ingestUrl, String apiKey, String run, int maxInFlight) {
        this.ingestUrl = ingestUrl;
        this.apiKey = apiKey;
        this.run = run;
        this.maxInFlight = maxInFlight;
        this.publishers = Executors.newFixedThreadPool(maxInFlight);
    }

    static SteadyPublisherLoad start(String ingestUrl, String apiKey, String run, Duration interval,
                                     int maxInFlight) {
        SteadyPublisherLoad load = new SteadyPublisherLoad(ingestUrl, apiKey, run, maxInFlight);
        load.ticks.scheduleAtFixedRate(load::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return load;
    }

    private void tick() {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            return;
        }
        int index = sequence.getAndIncrement();
        publishers.execute(() -> {
            try {
                outcomes.add(post(index));
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private Outcome post(int index) {
        String guid = guid(index);
        String body = "{\"guid\":\"" + guid + "\",\"headline\":\"Broker loss run " + run + ", article " + index
                + "\",\"section\":\"News\",\"body\":[\"Article " + index + " of a broker-loss run: the ferry operator"
                + " said on Tuesday that crossings to the islands would resume at noon.\",\"A second paragraph, so "
                + "the story has a body.\"]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String id = response.statusCode() == 202 || response.statusCode() == 200 ? JSON.readTree(response.body()).path("id").asText() : null;
            return new Outcome(index, guid, response.statusCode(), id, response.headers().firstValue("Retry-After"),
                    response.body(), started, System.nanoTime());
        } catch (IOException e) {
            return new Outcome(index, guid, 0, null, Optional.empty(), e.toString(), started, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(index, guid, 0, null, Optional.empty(), "interrupted", started, System.nanoTime());
        }
    }

    private String guid(int index) {
        return "broker-loss-" + run + "-" + index;
    }

    /** What a publisher does after a 503 and its Retry-After: the same article (same guid, same text) again. */
    Outcome postAgain(Outcome refused) {
        return post(refused.index());
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    long count(Predicate<Outcome> which) {
        return outcomes.stream().filter(which).count();
    }

    long accepted() {
        return count(Outcome::accepted);
    }

    /** Stops posting and waits for the answers still outstanding; returns every outcome. */
    List<Outcome> stop() throws InterruptedException {
        ticks.shutdownNow();
        publishers.shutdown();
        if (!publishers.awaitTermination(60, TimeUnit.SECONDS)) {
            publishers.shutdownNow();
        }
        return outcomes();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
