package dev.newsflow.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsflow.bench.corpus.Submission;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * POSTs a plan of submissions to ingest, either open loop (each POST at its scheduled time,
 * whatever happened to the ones before, latency counted from that time) or closed loop (a fixed
 * number in flight, each answer releasing the next). Either way at most {@code concurrency}
 * requests are in flight. With a batch size above 1, consecutive submissions (JSON only) go together as one
 * NDJSON {@code POST /v1/articles:batch}, and each line's answer counts as that submission's outcome.
 */
final class PostSender {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final URI batchEndpoint;
    private final int concurrency;
    private final int batchSize;

    PostSender(URI ingestUrl, String apiKey, int concurrency) {
        this(ingestUrl, apiKey, concurrency, 1);
    }

    PostSender(URI ingestUrl, String apiKey, int concurrency, int batchSize) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Accept the base URL or the endpoint itself (what `newsflow demo` prints).
        String base = ingestUrl.toString().replaceAll("/+$", "").replaceAll("/v1/articles$", "");
        this.endpoint = URI.create(base + "/v1/articles");
        this.batchEndpoint = URI.create(base + "/v1/articles:batch");
        this.apiKey = apiKey;
        this.concurrency = concurrency;
        this.batchSize = batchSize;
    }

    /** Sends every submission; returns one outcome per submission, in plan order. */
    List<PostOutcome> send(List<Submission> plan, double rate, Duration timeout) throws InterruptedException {
        if (batchSize > 1) {
            return sendBatches(plan, rate, timeout);
        }
        int n = plan.size();
        AtomicReferenceArray<PostOutcome> outcomes = new AtomicReferenceArray<>(n);
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch answered = new CountDownLatch(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Submission submission = plan.get(i);
            long start = awaitTurn(t0, i, rate, inFlight);
            HttpRequest request = post(endpoint, submission.contentType(), submission.payload(), Duration.ofSeconds(30));
            int index = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                try {
                    outcomes.set(index, outcome(submission.sequence(), start, response, error));
                } finally {
                    inFlight.release();
                    answered.countDown();
                }
            });
        }
        if (!answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException((answered.getCount()) + " POSTs still unanswered after " + timeout);
        }
        return java.util.stream.IntStream.range(0, n).mapToObj(outcomes::get).toList();
    }

    /** As {@link #send}, {@code batchSize} submissions per request; a batch is scheduled at its first line's time. */
    private List<PostOutcome> sendBatches(List<Submission> plan, double rate, Duration timeout)
            throws InterruptedException {
        int n = plan.size();
        AtomicReferenceArray<PostOutcome> outcomes = new AtomicReferenceArray<>(n);
        Semaphore inFlight = new Semaphore(concurrency);
        int batches = (n + batchSize - 1) / batchSize;
        CountDownLatch answered = new CountDownLatch(batches);
        long t0 = System.nanoTime();
        for (int from = 0; from < n; from += batchSize) {
            List<Submission> batch = plan.subList(from, Math.min(n, from + batchSize));
            StringBuilder body = new StringBuilder();
            for (Submission submission : batch) {
                if (!"application/json".equals(submission.contentType())) {
                    throw new IllegalArgumentException("a batch carries JSON articles only; submission "
                            + submission.sequence() + " is " + submission.contentType());
                }
                // The renderer writes compact JSON: one article, one line.
                body.append(submission.payload()).append('\n');
            }
            long start = awaitTurn(t0, from, rate, inFlight);
            HttpRequest request = post(batchEndpoint, "application/x-ndjson", body.toString(), Duration.ofSeconds(120));
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                try {
                    List<PostOutcome> lines = error != null
                            ? batchOutcomes(batch, start, 0, null, error.getClass().getSimpleName())
                            : batchOutcomes(batch, start, response.statusCode(), response.body(), null);
                    for (int i = 0; i < batch.size(); i++) {
                        outcomes.set(batch.get(i).sequence(), lines.get(i));
                    }
                } finally {
                    inFlight.release();
                    answered.countDown();
                }
            });
        }
        if (!answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(answered.getCount() + " batch POSTs still unanswered after " + timeout);
        }
        return java.util.stream.IntStream.range(0, n).mapToObj(outcomes::get).toList();
    }

    /**
     * Waits for the index'th submission's turn and a free slot; returns when its latency starts: the intended send
     * time in an open loop (so a late send counts against the pipeline, not the generator), else now.
     */
    private static long awaitTurn(long t0, int index, double rate, Semaphore inFlight) throws InterruptedException {
        long intended = rate > 0 ? t0 + (long) (index * 1_000_000_000.0 / rate) : 0;
        if (rate > 0) {
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        inFlight.acquire();
        long sent = System.nanoTime();
        return rate > 0 ? intended : sent;
    }

    private HttpRequest post(URI target, String contentType, String body, Duration timeout) {
        return HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** One outcome per line of a batch, in line order: the line's own status, id and version. */
    static List<PostOutcome> batchOutcomes(List<Submission> batch, long start, int httpStatus, String body,
                                           String error) {
        long now = System.nanoTime();
        List<PostOutcome> lines = new java.util.ArrayList<>(batch.size());
        String failure = error != null ? error : httpStatus != 200 ? "HTTP " + httpStatus : null;
        JsonNode results = null;
        if (failure == null) {
            try {
                results = JSON.readTree(body).path("results");
            } catch (java.io.IOException e) {
                failure = "unreadable answer";
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            int sequence = batch.get(i).sequence();
            JsonNode line = results == null ? null : results.path(i);
            if (line == null || line.isMissingNode() || line.path("line").asInt() != i + 1) {
                lines.add(new PostOutcome(sequence, start, now, 0, null, 0, failure != null ? failure : "no answer line"));
                continue;
            }
            int status = line.path("status").asInt(0);
            boolean ok = status == 200 || status == 202;
            lines.add(new PostOutcome(sequence, start, now, status, ok ? line.path("id").asText(null) : null,
                    ok ? line.path("version").asInt(0) : 0, ok ? null : "line status " + status));
        }
        return lines;
    }

    private static PostOutcome outcome(int sequence, long start, HttpResponse<String> response, Throwable error) {
        long now = System.nanoTime();
        if (error != null) {
            return new PostOutcome(sequence, start, now, 0, null, 0, error.getClass().getSimpleName());
        }
        int status = response.statusCode();
        if (status == 200 || status == 202) {
            try {
                JsonNode body = JSON.readTree(response.body());
                return new PostOutcome(sequence, start, now, status, body.path("id").asText(null),
                        body.path("version").asInt(0), null);
            } catch (java.io.IOException e) {
                return new PostOutcome(sequence, start, now, status, null, 0, "unreadable answer");
            }
        }
        return new PostOutcome(sequence, start, now, status, null, 0, "HTTP " + status);
    }
}
