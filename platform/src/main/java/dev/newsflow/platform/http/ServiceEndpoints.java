package dev.newsflow.platform.http;

import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.util.function.Supplier;

/**
 * {@code GET /health} (200 when the service can do its work, 503 otherwise, with a JSON
 * body naming the checks) and {@code GET /metrics} (Prometheus text format), the same on every service; and
 * every error no route answers as a problem ({@link ProblemMapping#installEdge}).
 */
public final class ServiceEndpoints {
    private final String service;
    private final PrometheusMeterRegistry metrics;
    private final Supplier<Map<String, Boolean>> checks;

    public ServiceEndpoints(String service, Supplier<Map<String, Boolean>> checks) {
        this.service = service;
        this.checks = checks;
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
    }

    /** Jetty's pool with Javalin's default sizes (8–250 threads, 60 s idle), named {@code <service>-http}. */
    public static QueuedThreadPool requestThreads(String service) {
        QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000);
        pool.setName(service + "-http");
        return pool;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /**
     * Adds the two routes to a Javalin configuration, and names its request threads after the service
     * ({@code ingest-http-12}): in a process running several services (the demo), thread dumps, profiles and
     * the benchmark's CPU split can then tell whose requests a thread served.
     */
    public void install(JavalinConfig config) {
        config.jetty.threadPool = requestThreads(service);
        ProblemMapping.installEdge(config);
        config.routes.get("/health", ctx -> {
            Map<String, Boolean> status = checks.get();
            boolean up = status.values().stream().allMatch(Boolean::booleanValue);
            ctx.status(up ? 200 : 503).json(Map.of("service", service, "status", up ? "UP" : "DOWN", "checks", status));
        });
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }
}
