package dev.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.platform.health.Check;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LARGE = "0123456789abcdef".repeat(20_000);
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicReference<Integer> copyBuffer = new AtomicReference<>();
    private final AtomicReference<List<Integer>> headerCaches = new AtomicReference<>();

    /** Starts a server with the endpoints installed, runs the body against its base URL, stops it. */
    private void serve(ServiceEndpoints endpoints, Consumer<String> body) {
        Javalin server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            endpoints.install(cfg);
            cfg.routes.get("/thread", ctx -> ctx.result(Thread.currentThread().getName()));
            cfg.routes.get("/large", ctx -> ctx.result(LARGE));
            cfg.routes.get("/headers", ctx -> ctx.result(ctx.header("Authorization") + "|"
                    + ctx.header("If-None-Match") + "|" + ctx.header("X-Request")));
            copyBuffer.set(cfg.http.responseBufferSize);
        }).start("127.0.0.1", 0);
        try {
            headerCaches.set(Arrays.stream(server.jettyServer().server().getConnectors())
                    .map(connector -> connector.getConnectionFactory(HttpConnectionFactory.class))
                    .map(http -> http.getHttpConfiguration().getHeaderCacheSize()).toList());
            endpoints.startManagement();
            body.accept("http://127.0.0.1:" + server.port());
        } finally {
            endpoints.close();
            server.stop();
        }
    }

    @Test
    void readinessAndLivenessNameTheFailingCheckAndSayWhy() {
        AtomicBoolean kafka = new AtomicBoolean(true);
        AtomicBoolean open = new AtomicBoolean(true);
        ServiceEndpoints endpoints = new ServiceEndpoints("probe", ManagementSettings.off())
                .live("open", () -> Check.of(open.get(), "closing"))
                .ready("kafka", () -> Check.of(kafka.get(), "Kafka did not answer within 3000 ms"));
        serve(endpoints, base -> {
            assertThat(get(base + "/thread").body()).startsWith("probe-http-");
            assertThat(get(base + "/health").statusCode()).isEqualTo(200);
            assertThat(json(get(base + "/health/ready")).path("status").asText()).isEqualTo("UP");

            kafka.set(false);
            HttpResponse<String> notReady = get(base + "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(json(notReady).path("checks").path("kafka").asBoolean(true)).isFalse();
            assertThat(json(notReady).path("details").path("kafka").asText()).contains("did not answer");
            assertThat(json(notReady).path("service").asText()).isEqualTo("probe");
            assertThat(get(base + "/health").statusCode()).as("/health is readiness").isEqualTo(503);
            assertThat(get(base + "/health/live").statusCode()).as("not ready is still alive").isEqualTo(200);

            open.set(false);
            assertThat(get(base + "/health/live").statusCode()).isEqualTo(503);
            assertThat(json(get(base + "/health/live")).path("details").path("open").asText()).isEqualTo("closing");
        });
    }

    @Test
    void withNeitherAManagementPortNorATokenMetricsAreNotServed() {
        serve(new ServiceEndpoints("probe", ManagementSettings.off()), base -> {
            HttpResponse<String> metrics = get(base + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(404);
            assertThat(metrics.body()).contains("management.port").contains("metrics.token")
                    .doesNotContain("jvm_memory");
        });
    }

    @Test
    void withATokenMetricsOnTheServicePortNeedIt() {
        serve(new ServiceEndpoints("probe", new ManagementSettings(ManagementSettings.NONE, null, "s3cret")), base -> {
            assertThat(get(base + "/metrics").statusCode()).isEqualTo(401);
            assertThat(get(base + "/metrics", "Bearer wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> metrics = get(base + "/metrics", "Bearer s3cret");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("service=\"probe\"");
        });
    }

    @Test
    void aManagementListenerOfItsOwnServesMetricsAndTheServicePortDoesNot() {
        ServiceEndpoints endpoints = new ServiceEndpoints("probe", ManagementSettings.loopback(0));
        serve(endpoints, base -> {
            assertThat(get(base + "/metrics").statusCode()).isEqualTo(404);
            assertThat(get(base + "/metrics").body()).contains("management port");
            String management = "http://127.0.0.1:" + endpoints.managementPort().orElseThrow();
            HttpResponse<String> metrics = get(management + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(get(management + "/health/live").statusCode()).isEqualTo(200);
            assertThat(json(get(management + "/")).path("endpoints").has("/metrics")).isTrue();
        });
    }

    @Test
    void everySeriesCarriesTheNewsflowPrefix() {
        ServiceEndpoints endpoints = new ServiceEndpoints("probe", ManagementSettings.loopback(0));
        endpoints.metrics().counter("ingest.articles.accepted").increment();
        endpoints.metrics().counter("newsflow.enrich.articles.enriched").increment();
        serve(endpoints, base -> {
            String metrics = get("http://127.0.0.1:" + endpoints.managementPort().orElseThrow() + "/metrics").body();
            assertThat(metrics).contains("newsflow_ingest_articles_accepted_total")
                    .contains("newsflow_enrich_articles_enriched_total").contains("newsflow_jvm_memory_used_bytes")
                    .doesNotContain("newsflow_newsflow");
            assertThat(metrics.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                    .allMatch(line -> line.startsWith("newsflow_"));
        });
    }

    @Test
    void theRootNamesTheServiceAndItsEndpoints() {
        ServiceEndpoints endpoints = new ServiceEndpoints("probe", ManagementSettings.off())
                .endpoint("/v1/things", "POST a thing");
        serve(endpoints, base -> {
            JsonNode index = json(get(base + "/"));
            assertThat(index.path("service").asText()).isEqualTo("newsflow probe");
            assertThat(index.path("endpoints").path("/v1/things").asText()).isEqualTo("POST a thing");
            assertThat(index.path("endpoints").has("/health/ready")).isTrue();
            assertThat(index.path("endpoints").has("/metrics")).as("not served here").isFalse();
            HttpResponse<String> html = send(HttpRequest.newBuilder(URI.create(base + "/"))
                    .header("Accept", "text/html").build());
            assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(html.body()).contains("<h1>newsflow probe</h1>").contains("/v1/things");
        });
    }

    @Test
    void answersAreCopiedThroughASmallBufferAndArriveWhole() {
        serve(new ServiceEndpoints("probe", ManagementSettings.off()), base -> {
            assertThat(copyBuffer.get()).as("not Jetty's 32 KB for every answer").isEqualTo(ServiceEndpoints.RESULT_COPY_BUFFER_BYTES)
                    .isLessThanOrEqualTo(8192);
            HttpResponse<String> large = get(base + "/large");
            assertThat(large.statusCode()).isEqualTo(200);
            assertThat(large.body()).as("an answer of many buffers").isEqualTo(LARGE);
        });
    }

    @Test
    void connectionsKeptAliveHoldNoCacheOfHeaderLinesAndStillParseThem() {
        serve(new ServiceEndpoints("probe", ManagementSettings.off()), base -> {
            assertThat(headerCaches.get()).as("Jetty's default, 1,024 entries, is ~100 KB per connection")
                    .isNotEmpty().containsOnly(ServiceEndpoints.HEADER_CACHE_ENTRIES);
            for (int request = 0; request < 3; request++) {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/headers"))
                        .header("Authorization", "Bearer partner-token-" + request)
                        .header("If-None-Match", "W/\"etag\"").header("X-Request", "r" + request).build());
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.body()).isEqualTo("Bearer partner-token-" + request + "|W/\"etag\"|r" + request);
            }
        });
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    private HttpResponse<String> get(String url, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
