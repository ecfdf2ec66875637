package dev.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest {
    @Test
    void servedWithTheServerWhereTheServiceReallyAnswers() throws Exception {
        OpenApiDocument document = OpenApiDocument.fromResource(OpenApiDocumentTest.class, "/openapi-test.json");
        int[] port = new int[1];
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            document.install(cfg, () -> "http://127.0.0.1:" + port[0]);
        }).start("127.0.0.1", 0);
        try {
            port[0] = app.port();
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + OpenApiDocument.PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode served = new ObjectMapper().readTree(response.body());
            assertThat(served.get("servers")).hasSize(1);
            assertThat(served.get("servers").get(0).get("url").asText()).isEqualTo("http://127.0.0.1:" + app.port());
            assertThat(served.get("info").get("title").asText()).isEqualTo("test");
            List<String> fields = new java.util.ArrayList<>();
            served.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("openapi", "info", "servers", "paths");
        } finally {
            app.stop();
        }
    }

    @Test
    void aMissingDocumentFailsAtStart() {
        assertThatThrownBy(() -> OpenApiDocument.fromResource(OpenApiDocumentTest.class, "/no-such.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/no-such.json");
    }
}
