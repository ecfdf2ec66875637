package dev.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What no route answers is a problem too: unknown paths, wrong methods, what Jetty refuses before routing. */
class EdgeProblemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNICODE_DETAIL = "headline 'Ωμέγα in Straße, 東京' is too long (Bearer …)";
    private final HttpClient client = HttpClient.newHttpClient();
    private Javalin server;
    private String base;

    @BeforeEach
    void start() {
        ServiceEndpoints endpoints = new ServiceEndpoints("probe", ManagementSettings.off());
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            endpoints.install(cfg);
            cfg.routes.get("/v1/things", ctx -> ctx.result("[]"));
            cfg.routes.post("/v1/things", ctx -> ctx.status(201));
            cfg.routes.get("/v1/unicode", ctx ->
                    Problem.of(422, "invalid-input", "Invalid", UNICODE_DETAIL, "headline").writeTo(ctx));
        }).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anUnknownPathIsA404Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/nothing-here")).build());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(404);
        assertThat(problem.path("detail").asText()).contains("GET /v1/nothing-here");
    }

    @Test
    void aWrongMethodIsA405ProblemNamingTheMethodsThePathTakes() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/things"))
                .DELETE().build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Allow").orElseThrow()).contains("GET").contains("POST");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(405);
    }

    @Test
    void aHeaderTooLargeForJettyIsAProblemNotAnHtmlPage() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/v1/things"))
                .header("X-Large", "x".repeat(64 * 1024)).build());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(431);
    }

    @Test
    void aProblemCarriesAnyCharacterAsUtf8() throws Exception {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/unicode")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(response.body()).path("detail").asText()).isEqualTo(UNICODE_DETAIL);
    }

    @Test
    void aLongDetailIsCutSoWhatWasSentDoesNotComeBackWhole() {
        Problem problem = Problem.of(422, "invalid", "Invalid", "bad value " + "y".repeat(10_000), "headline");

        assertThat(problem.detail()).hasSize(Problem.MAX_DETAIL_CHARS).endsWith("\u2026");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
