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

    FeedRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void install(JavalinConfig config) {
        config.routes.before("/feeds/*", ctx -> ctx.attribute(STARTED, System.nanoTime()));
        config.routes.after("/feeds/*", this::record);
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        String format = format(ctx.path());
        int status = ctx.statusCode();
        Meters forRequest = meters.computeIfAbsent(format + "/" + status, key -> new Meters(
                Counter.builder("newsflow.feed.requests").description("Feed requests by format and final status")
                        .tag("format", format).tag("status", Integer.toString(status)).register(registry),
                Timer.builder("newsflow.feed.request").description("Feed request latency by format and final status")
                        .tag("format", format).tag("status", Integer.toString(status))
                        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(10)).register(registry)));
        forRequest.count().increment();
        if (started != null) {
            forRequest.latency().record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
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
    }
}
