package dev.newsflow.ops.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.platform.errors.UnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Partners' push status and resuming a suspended webhook, through syndicate's admin API (its admin token): the
 * push state lives in syndicate's stores, and the admin API is the one place that reads and changes it, for the
 * command line and the page alike.
 */
final class PartnerPush {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What syndicate answered: its status and body, passed on as they are. */
    record Answer(int status, String contentType, String body) {
    }

    private final HttpClient http;
    private final String syndicateUrl;
    private final String adminToken;
    private final Duration timeout;

    PartnerPush(HttpClient http, String syndicateUrl, String adminToken, Duration timeout) {
        this.http = http;
        this.syndicateUrl = syndicateUrl;
        this.adminToken = adminToken;
        this.timeout = timeout;
    }

    boolean configured() {
        return !adminToken.isEmpty();
    }

    /** Every partner with a webhook, with its push state (syndicate's {@code push} object). */
    ArrayNode partnersWithWebhooks() throws IOException, InterruptedException {
        ArrayNode result = JSON.createArrayNode();
        HttpResponse<String> list = send(request("/v1/partners").GET().build());
        if (list.statusCode() != 200) {
            throw new IOException("syndicate answered " + list.statusCode() + " to GET /v1/partners: "
                    + JSON.readTree(list.body()).path("detail").asText(list.body()));
        }
        for (JsonNode partner : JSON.readTree(list.body())) {
            if (!partner.hasNonNull("webhookUrl")) {
                continue;
            }
            String id = partner.path("partnerId").asText();
            HttpResponse<String> one = send(request("/v1/partners/" + encode(id)).GET().build());
            ObjectNode row = result.addObject();
            row.put("partnerId", id);
            row.put("displayName", partner.path("displayName").asText(id));
            row.put("enabled", partner.path("enabled").asBoolean(true));
            row.put("webhookUrl", partner.path("webhookUrl").asText());
            if (one.statusCode() == 200) {
                row.set("push", JSON.readTree(one.body()).path("push"));
            } else {
                row.putObject("push").put("state", "unknown (syndicate answered " + one.statusCode() + ")");
            }
        }
        return result;
    }

    /** Resumes a partner's suspended webhook; syndicate's answer is passed on, problem or not. */
    Answer resume(String partnerId) {
        try {
            HttpResponse<String> response = send(request("/v1/partners/" + encode(partnerId) + "/resume-webhook")
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
        } catch (IOException e) {
            throw new UnavailableException("syndicate at " + syndicateUrl + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while asking syndicate", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(syndicateUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + adminToken).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
