package dev.newsflow.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.testing.TestKafka;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Jetty refuses before the API sees it comes back as Confluent's error JSON, not Jetty's HTML page (found by
 * {@code RegistryApiFuzzIT}: a subject with bytes that are not UTF-8). Sent over a raw socket, as no HTTP client
 * sends such requests.
 */
class JettyErrorsAsConfluentJsonIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bytes that are not UTF-8 in the path|GET /subjects/%FF/versions HTTP/1.1|400",
            "a header larger than Jetty takes|GET /subjects HTTP/1.1 NEWLINE X-Big: BIG|431",
            "a URI longer than Jetty takes|GET /LONG HTTP/1.1|414",
            "a header line that is not a header|GET /subjects HTTP/1.1 NEWLINE not a header|400",
            "bytes that are not UTF-8 with a method Jetty writes no page for|PUT /subjects/%FF HTTP/1.1|400"})
    void jettysOwnRefusalsAreConfluentErrorJson(String name, String requestLine, int status) throws Exception {
        String request = requestLine.replace(" NEWLINE ", "\r\n").replace("BIG", "a".repeat(20_000))
                .replace("LONG", "a".repeat(20_000))
                + "\r\nHost: registry\r\nConnection: close\r\n\r\n";
        String answer = raw(URI.create(TestKafka.get().schemaRegistryUrl()), request);

        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer).containsIgnoringCase("Content-Type: " + RegistryHttpApi.V1_JSON);
        JsonNode error = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(error.get("error_code").asInt()).isEqualTo(status);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    private static String raw(URI registry, String request) throws IOException {
        try (Socket socket = new Socket(registry.getHost(), registry.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
