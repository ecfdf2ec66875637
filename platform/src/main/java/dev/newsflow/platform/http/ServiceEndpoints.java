package dev.newsflow.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.platform.config.ServiceConfig;
import dev.newsflow.platform.health.Check;
import dev.newsflow.platform.health.HealthCheck;
import dev.newsflow.platform.health.KafkaReachability;
import dev.newsflow.platform.health.RegistryReachability;
import dev.newsflow.platform.health.StreamsHealth;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every service answers besides its own API, the same everywhere:
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process can work at all (a Streams application that stopped for
 *   good is not alive: restart it), else 503;</li>
 *   <li>{@code GET /health/ready}: 200 when it can do its work now (Kafka and the schema registry answer, its
 *   Streams applications are RUNNING and their threads are not dying one after another), else 503;
 *   {@code GET /health} is the same as ready. The JSON names each check and says why a failing one fails;</li>
 *   <li>{@code GET /metrics} (Prometheus text, every series prefixed {@code newsflow_}) where
 *   {@link ManagementSettings} puts it: on a management listener of its own, or on the service's port behind a
 *   bearer token, or nowhere;</li>
 *   <li>{@code GET /}: what the service is and which endpoints it has.</li>
 * </ul>
 */
public final class ServiceEndpoints implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceEndpoints.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every series a service exports starts with this, its own and those of the JVM and Kafka clients alike. */
    public static final String PREFIX = "newsflow";
    private static final Duration DEPENDENCY_TIMEOUT = Duration.ofSeconds(3);
    /** Probes from an orchestrator and the ops page every few seconds cost one request per dependency. */
    private static final Duration DEPENDENCY_ANSWER_KEPT = Duration.ofSeconds(5);

    private final String service;
    private final ManagementSettings management;
    private final PrometheusMeterRegistry metrics;
    private final Map<String, HealthCheck> liveness = new LinkedHashMap<>();
    private final Map<String, HealthCheck> readiness = new LinkedHashMap<>();
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private Javalin managementServer;

    /**
     * The endpoints of a service with its config: metrics where {@link ServiceConfig#management()} says, and
     * readiness that asks for Kafka ({@code kafka}) and the schema registry ({@code schema-registry}).
     */
    public ServiceEndpoints(String service, ServiceConfig config) {
        this(service, config.management());
        KafkaReachability kafka = new KafkaReachability(config.kafkaClientConfig(), DEPENDENCY_TIMEOUT,
                DEPENDENCY_ANSWER_KEPT);
        resources.add(kafka);
        ready("kafka", kafka);
        ready("schema-registry", new RegistryReachability(config.schemaRegistryUrl(), DEPENDENCY_TIMEOUT,
                DEPENDENCY_ANSWER_KEPT));
    }

    public ServiceEndpoints(String service, ManagementSettings management) {
        this.service = service;
        this.management = management;
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics.config().meterFilter(prefixed()).commonTags("service", service);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
    }

    /** Names every meter {@code newsflow.…} (Prometheus: {@code newsflow_…}) unless it already is. */
    private static MeterFilter prefixed() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith(PREFIX) ? id : id.withName(PREFIX + "." + id.getName());
            }
        };
    }

    /**
     * The buffer Javalin allocates for every answer set with {@code ctx.result(...)} to copy it to Jetty's
     * output; unset, it takes Jetty's output buffer size (32 KB), so that each ~200-byte answer to a POST
     * allocated 32 KB (6 % of all the demo's allocation under load). Jetty's own buffer is not changed by it.
     */
    static final int RESULT_COPY_BUFFER_BYTES = 4096;

    /**
     * Jetty keeps, per connection, a cache of the header lines it has parsed, built at the connection's second
     * request: a trie of 1,024 entries by default, ~100 KB of heap for as long as the connection is kept alive
     * (measured: 108 KB per connection with it, 7 KB without). Publishers and load balancers hold hundreds of
     * keep-alive connections, so that was tens of MB of the live heap every full collection marks; what it
     * saves, new strings for the header lines Jetty's own table of common ones does not hold, is a few hundred
     * bytes and 0.5–1.0 µs per request (BENCHMARKS.md, issue 20): little beside a POST or a health check. The
     * syndicator's feed listener, where it is not little beside a 304, keeps Jetty's cache.
     */
    static final int HEADER_CACHE_ENTRIES = 0;

    /** Jetty's pool with Javalin's default sizes (8–250 threads, 60 s idle), named {@code <service>-http}. */
    public static QueuedThreadPool requestThreads(String service) {
        QueuedThreadPool pool = new QueuedThreadPool(250, 8, 60_000);
        pool.setName(service + "-http");
        return pool;
    }

    public PrometheusMeterRegistry metrics() {
        return metrics;
    }

    /** A check /health/live (and so /health/ready) includes. */
    public ServiceEndpoints live(String name, HealthCheck check) {
        liveness.put(name, check);
        return this;
    }

    /** A check only /health/ready includes. */
    public ServiceEndpoints ready(String name, HealthCheck check) {
        readiness.put(name, check);
        return this;
    }

    /** A Streams application: alive unless stopped for good, ready while RUNNING and not crash-looping. */
    public ServiceEndpoints streams(StreamsHealth streams) {
        liveness.put(streams.name(), streams::live);
        readiness.put(streams.name(), streams::ready);
        return this;
    }

    /** An endpoint of the service's own, listed by {@code GET /}. */
    public ServiceEndpoints endpoint(String path, String what) {
        endpoints.put(path, what);
        return this;
    }

    /**
     * Adds the routes to the service's Javalin configuration, and names its request threads after the service
     * ({@code ingest-http-12}): in a process running several services (the demo), thread dumps, profiles and the
     * benchmark's CPU split can then tell whose requests a thread served.
     */
    public void install(JavalinConfig config) {
        install(config, true);
    }

    /** As {@link #install(JavalinConfig)}, leaving {@code GET /} to the service (the ops page). */
    public void installWithoutIndex(JavalinConfig config) {
        install(config, false);
    }

    private void install(JavalinConfig config, boolean index) {
        listener(config, service);
        ProblemMapping.installEdge(config);
        if (index) {
            config.routes.get("/", ctx -> index(ctx, false));
        }
        healthRoutes(config);
        config.routes.get("/metrics", ctx -> {
            if (management.ownListener()) {
                problem(ctx, 404, "metrics are served on the management port, not here");
            } else if (!management.tokenRequired()) {
                problem(ctx, 404, "metrics are off: set management.port (a listener of their own, loopback by "
                        + "default) or metrics.token (a bearer token for this port)");
            } else {
                scrape(ctx);
            }
        });
    }

    /** What the service's listener and its management listener share: named request threads, the buffers. */
    private static void listener(JavalinConfig config, String threadsName) {
        config.jetty.threadPool = requestThreads(threadsName);
        config.http.responseBufferSize = RESULT_COPY_BUFFER_BYTES;
        config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE_ENTRIES));
    }

    private void healthRoutes(JavalinConfig config) {
        config.routes.get("/health", ctx -> health(ctx, true));
        config.routes.get("/health/ready", ctx -> health(ctx, true));
        config.routes.get("/health/live", ctx -> health(ctx, false));
    }

    /** Starts the management listener when the settings ask for one; call after the service's own server. */
    public void startManagement() {
        if (!management.ownListener() || managementServer != null) {
            return;
        }
        managementServer = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            listener(cfg, service + "-management");
            cfg.routes.get("/", ctx -> index(ctx, true));
            healthRoutes(cfg);
            cfg.routes.get("/metrics", this::scrape);
        }).start(management.host(), management.port());
        LOG.info("{}: /metrics and /health on management port {}:{}{}", service, management.host(),
                managementServer.port(), management.tokenRequired() ? " (bearer token)" : "");
    }

    /** The management listener's port, once started. */
    public OptionalInt managementPort() {
        return managementServer == null ? OptionalInt.empty() : OptionalInt.of(managementServer.port());
    }

    private void scrape(Context ctx) throws JsonProcessingException {
        if (management.tokenRequired() && !presented(ctx, management.metricsToken())) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"newsflow-metrics\"");
            problem(ctx, 401, "GET /metrics needs the metrics token (Authorization: Bearer …)");
            return;
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void health(Context ctx, boolean ready) throws JsonProcessingException {
        Map<String, Check> results = new LinkedHashMap<>();
        liveness.forEach((name, check) -> results.put(name, safely(check)));
        if (ready) {
            readiness.forEach((name, check) -> results.put(name, safely(check)));
        }
        boolean up = results.values().stream().allMatch(Check::up);
        ObjectNode body = JSON.createObjectNode();
        body.put("service", service);
        body.put("status", up ? "UP" : "DOWN");
        body.put("probe", ready ? "ready" : "live");
        ObjectNode checks = body.putObject("checks");
        results.forEach((name, check) -> checks.put(name, check.up()));
        ObjectNode details = body.putObject("details");
        results.forEach((name, check) -> {
            if (!check.up()) {
                details.put(name, check.detail());
            }
        });
        ctx.status(up ? 200 : 503).contentType("application/json").result(JSON.writeValueAsString(body));
    }

    private static Check safely(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            return Check.down(e.toString());
        }
    }

    private void index(Context ctx, boolean managementListener) throws JsonProcessingException {
        Map<String, String> all = new LinkedHashMap<>();
        if (!managementListener) {
            all.putAll(endpoints);
        }
        all.put("/health/live", "200 while the service can work at all, else 503");
        all.put("/health/ready", "200 when it can do its work now (Kafka, registry, Streams RUNNING), else 503");
        all.put("/health", "the same as /health/ready");
        if (managementListener || (!management.ownListener() && management.tokenRequired())) {
            all.put("/metrics", "Prometheus metrics, every series prefixed newsflow_"
                    + (management.tokenRequired() ? " (bearer token)" : ""));
        }
        if (accepts(ctx, "text/html")) {
            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                    + "<title>newsflow " + service + "</title></head><body><h1>newsflow " + service + "</h1><ul>");
            all.forEach((path, what) -> html.append("<li><a href=\"").append(path).append("\"><code>").append(path)
                    .append("</code></a> ").append(escape(what)).append("</li>"));
            html.append("</ul></body></html>");
            ctx.contentType("text/html; charset=utf-8").result(html.toString());
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("service", "newsflow " + service);
        ObjectNode list = body.putObject("endpoints");
        all.forEach(list::put);
        ctx.contentType("application/json").result(JSON.writeValueAsString(body));
    }

    private static boolean accepts(Context ctx, String type) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains(type);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static boolean presented(Context ctx, String token) {
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : "";
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(Context ctx, int status, String detail) {
        (status == 401 ? Problem.of(401, "metrics-token", "Unauthorized", detail, "Authorization")
                : Problem.of(404, "not-found", "Not Found", detail, null)).writeTo(ctx);
    }

    /** Stops the management listener (the service stops its own server) and the dependency checks' clients. */
    @Override
    public void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("{}: closing a health check's client failed", service, e);
            }
        }
        if (managementServer != null) {
            try {
                managementServer.stop();
            } catch (RuntimeException e) {
                LOG.warn("{}: management listener did not stop cleanly: {}", service, e.toString());
            }
        }
    }
}
