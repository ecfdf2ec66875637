package dev.newsflow.ops.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks each service's {@code /health/ready} and keeps what it says: UP or DOWN with the failing checks' reasons,
 * or UNREACHABLE with why (nothing listening, a timeout, an answer that is not health JSON).
 */
final class ServiceHealth {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One service's answer: status UP, DOWN or UNREACHABLE, the HTTP status (0 when none), and why. */
    record Answer(String service, String url, String status, int httpStatus, Map<String, String> details) {
    }

    private final HttpClient http;
    private final Map<String, String> services;
    private final List<String> order;
    private final Duration timeout;

    ServiceHealth(HttpClient http, Map<String, String> services, Duration timeout) {
        this.http = http;
        this.services = Map.copyOf(services);
        this.order = List.copyOf(services.keySet());
        this.timeout = timeout;
    }

    List<Answer> check() {
        List<Answer> answers = new ArrayList<>();
        for (String service : order) {
            answers.add(ask(service, services.get(service) + "/health/ready"));
        }
        return answers;
    }

    private Answer ask(String service, String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            String status = body.path("status").asText("");
            if (!status.equals("UP") && !status.equals("DOWN")) {
                return new Answer(service, url, "UNREACHABLE", response.statusCode(),
                        Map.of("health", "answered " + response.statusCode() + " without a health status"));
            }
            Map<String, String> details = new LinkedHashMap<>();
            body.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
            return new Answer(service, url, status, response.statusCode(), details);
        } catch (IOException e) {
            return new Answer(service, url, "UNREACHABLE", 0, Map.of("health", describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(service, url, "UNREACHABLE", 0, Map.of("health", "interrupted"));
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within the timeout";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
