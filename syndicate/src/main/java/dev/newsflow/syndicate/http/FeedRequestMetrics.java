package dev.newsflow.syndicate.http;

import dev.newsflow.syndicate.render.FeedFormat;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every feed request counted and timed by format and the status it ended with, refusals included (401 without a
 * token, 404 for a wrong token or feed, 400 for a bad cursor), after Javalin has mapped errors to their answers:
 * {@code newsflow_feed_requests_total{format,status}} and {@code newsflow_feed_request_seconds{format,status}}
 * (a histogram, for latency percentiles). Meters are registered once per format and status: a registry lookup per
 * request costs a good part of a 304.
 */
final class FeedRequestMetrics {
    private static final String STARTED = "newsflow.feed.started";

    private final MeterRegistry registry;
    private final Map<String, Meters> meters = new ConcurrentHashMap<>();
    private final Counter answeredFromMemory;
    private final Meters[][] memoryAnswerMeters = new Meters[FeedFormat.values().length][2];

    FeedRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.answeredFromMemory = Counter.builder("newsflow.feed.memory.answers")
                .description("Feed requests answered from the cached page and rendering on the connection's thread "
                        + "(the others went to a request thread to read the stores or render)")
                .register(registry);
    }

    void install(JavalinConfig config) {
        config.routes.before("/feeds/*", ctx -> ctx.attribute(STARTED, System.nanoTime()));
        config.routes.after("/feeds/*", this::record);
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        meters(format(ctx.path()), ctx.statusCode()).record(started);
    }

    /** A request answered outside Javalin ({@link CachedFeedHandler}): 200 or 304. */
    void recordFromMemory(FeedFormat format, boolean notModified, long startedNanos) {
        answeredFromMemory.increment();
        // looked up by index: this is most of the service's traffic, and a key string per request showed up
        Meters[] byStatus = memoryAnswerMeters[format.ordinal()];
        int index = notModified ? 1 : 0;
        Meters forAnswer = byStatus[index];
        if (forAnswer == null) {
            forAnswer = meters(format.extension(), notModified ? 304 : 200);
            byStatus[index] = forAnswer;
        }
        forAnswer.record(startedNanos);
    }

    private Meters meters(String format, int status) {
        return meters.computeIfAbsent(format + "/" + status, key -> new Meters(
                Counter.builder("newsflow.feed.requests").description("Feed requests by format and final status")
                        .tag("format", format).tag("status", Integer.toString(status)).register(registry),
                Timer.builder("newsflow.feed.request").description("Feed request latency by format and final status")
                        .tag("format", format).tag("status", Integer.toString(status))
                        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10)).register(registry)));
    }

    /** The format from the file name ({@code all.rss} → rss), or "unknown" for anything else under /feeds/. */
    static String format(String path) {
        int dot = path.lastIndexOf('.');
        int slash = path.lastIndexOf('/');
        if (dot > slash + 1) {
            return FeedFormat.byExtension(path.substring(dot + 1)).map(FeedFormat::extension).orElse("unknown");
        }
        return "unknown";
    }

    private record Meters(Counter count, Timer latency) {
        void record(Long startedNanos) {
            count.increment();
            if (startedNanos != null) {
                latency.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
            }
        }
    }
}
