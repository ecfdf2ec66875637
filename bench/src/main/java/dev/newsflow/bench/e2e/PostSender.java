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
 * requests are in flight.
 */
final class PostSender {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI endpoint;
    private final String apiKey;
    private final int concurrency;

    PostSender(URI ingestUrl, String apiKey, int concurrency) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        // Accept the base URL or the endpoint itself (what `newsflow demo` prints).
        String base = ingestUrl.toString().replaceAll("/+$", "").replaceAll("/v1/articles$", "");
        this.endpoint = URI.create(base + "/v1/articles");
        this.apiKey = apiKey;
        this.concurrency = concurrency;
    }

    /** Sends every submission; returns one outcome per submission, in plan order. */
    List<PostOutcome> send(List<Submission> plan, double rate, Duration timeout) throws InterruptedException {
        int n = plan.size();
        AtomicReferenceArray<PostOutcome> outcomes = new AtomicReferenceArray<>(n);
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch answered = new CountDownLatch(n);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Submission submission = plan.get(i);
            long intended = rate > 0 ? t0 + (long) (i * 1_000_000_000.0 / rate) : 0;
            if (rate > 0) {
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            inFlight.acquire();
            long sent = System.nanoTime();
            long start = rate > 0 ? intended : sent;
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Content-Type", submission.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(submission.payload()))
                    .build();
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
