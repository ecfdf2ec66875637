package dev.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void healthNamesTheFailingCheckAndRequestsRunOnThreadsNamedAfterTheService() throws Exception {
        Map<String, Boolean> checks = new java.util.concurrent.ConcurrentHashMap<>(Map.of("kafka", true));
        ServiceEndpoints endpoints = new ServiceEndpoints("probe", () -> Map.copyOf(checks));
        Javalin server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            endpoints.install(cfg);
            cfg.routes.get("/thread", ctx -> ctx.result(Thread.currentThread().getName()));
        }).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + server.port();

            assertThat(get(base + "/thread").body()).startsWith("probe-http-");
            HttpResponse<String> up = get(base + "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"UP\"");

            checks.put("kafka", false);
            HttpResponse<String> down = get(base + "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"kafka\":false").contains("\"service\":\"probe\"");
            assertThat(get(base + "/metrics").body()).contains("service=\"probe\"");
        } finally {
            server.stop();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
