package dev.newsflow.syndicate.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.newsflow.platform.lifecycle.Failures;
import dev.newsflow.syndicate.http.PartnerJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin API over HTTP, for {@code newsflow partners add|list|show|update|delete|disable|enable|rotate-token|
 * resume-webhook|deliveries}.
 * Every method returns the server's JSON (a partner, or an array of partners); {@code add} and
 * {@code rotateToken} include {@code "token"}, which the server shows only in that answer. A refusal
 * throws {@link PartnerAdminException} with the problem's status, detail and field.
 */
public final class PartnerAdminClient {
    private final URI baseUrl;
    private final String adminToken;
    private final HttpClient http;
    private final Duration timeout;

    public PartnerAdminClient(URI baseUrl, String adminToken) {
        this(baseUrl, adminToken, Duration.ofSeconds(30));
    }

    public PartnerAdminClient(URI baseUrl, String adminToken, Duration timeout) {
        String base = baseUrl.toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.adminToken = adminToken;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public JsonNode add(PartnerSpec spec) {
        return call("POST", "/v1/partners", PartnerJson.toRequestJson(spec).toString());
    }

    public JsonNode list() {
        return call("GET", "/v1/partners", null);
    }

    public JsonNode get(String partnerId) {
        return call("GET", partnerPath(partnerId), null);
    }

    /** Replaces display name, feeds and webhook; the token and enabled flag stay. */
    public JsonNode update(String partnerId, PartnerSpec spec) {
        return call("PUT", partnerPath(partnerId), PartnerJson.toRequestJson(spec).toString());
    }

    /** Deletes the partner (its feeds, token and pending pushes go); returns null (the answer is 204). */
    public JsonNode delete(String partnerId) {
        return call("DELETE", partnerPath(partnerId), null);
    }

    public JsonNode disable(String partnerId) {
        return call("POST", partnerPath(partnerId) + "/disable", "");
    }

    public JsonNode enable(String partnerId) {
        return call("POST", partnerPath(partnerId) + "/enable", "");
    }

    /** Resumes a webhook suspended after repeated failures; pending events are then delivered in order. */
    public JsonNode resumeWebhook(String partnerId) {
        return call("POST", partnerPath(partnerId) + "/resume-webhook", "");
    }

    /** The latest webhook delivery attempts the answering instance made for this partner, newest first. */
    public JsonNode deliveries(String partnerId) {
        return call("GET", partnerPath(partnerId) + "/deliveries", null);
    }

    public JsonNode rotateToken(String partnerId) {
        return call("POST", partnerPath(partnerId) + "/rotate-token", "");
    }

    /**
     * Parses a command-line feed option {@code ID:TITLE[:FILTER_JSON]}, e.g.
     * {@code politics:Politics:{"topic":"medtop:11000000"}}; the filter is checked by the server.
     */
    public static FeedSpec feedOption(String option) {
        int first = option.indexOf(':');
        if (first <= 0) {
            throw new IllegalArgumentException("a feed is ID:TITLE[:FILTER_JSON], got '" + option + "'");
        }
        int second = option.indexOf(':', first + 1);
        String id = option.substring(0, first);
        String title = second < 0 ? option.substring(first + 1) : option.substring(first + 1, second);
        String filter = second < 0 ? null : option.substring(second + 1);
        return new FeedSpec(id, title, filter, 0.0, FeedSpec.DEFAULT_MAX_ITEMS);
    }

    /** Several feed options at once. */
    public static List<FeedSpec> feedOptions(List<String> options) {
        return feedOptions(options, 0.0, FeedSpec.DEFAULT_MAX_ITEMS);
    }

    /** Several feed options, each with the given minimum confidence and page size (the server checks both). */
    public static List<FeedSpec> feedOptions(List<String> options, double minConfidence, int maxItems) {
        List<FeedSpec> feeds = new ArrayList<>();
        for (String option : options) {
            FeedSpec feed = feedOption(option);
            feeds.add(new FeedSpec(feed.feedId(), feed.title(), feed.filter(), minConfidence, maxItems));
        }
        return feeds;
    }

    private static String partnerPath(String partnerId) {
        return "/v1/partners/" + URLEncoder.encode(partnerId, StandardCharsets.UTF_8);
    }

    private JsonNode call(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PartnerAdminException(0, "cannot reach " + baseUrl + ": " + Failures.oneLine(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PartnerAdminException(0, "interrupted", null);
        }
        JsonNode json = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            String detail = json != null && json.hasNonNull("detail") ? json.get("detail").asText() : response.body();
            String field = json != null && json.hasNonNull("field") ? json.get("field").asText() : null;
            throw new PartnerAdminException(response.statusCode(), "HTTP " + response.statusCode() + ": " + detail,
                    field);
        }
        return json;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return PartnerJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
