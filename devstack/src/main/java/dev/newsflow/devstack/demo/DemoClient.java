package dev.newsflow.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** Posts an article to ingest and waits until a JSON feed carries it, over real HTTP. */
public final class DemoClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    /** A bound on one search, in case a feed's next links ever went round in a circle. */
    private static final int MAX_PAGES = 10_000;

    /** Posts a text article; returns the answer's JSON (id, version, status). */
    public JsonNode postText(String ingestUrl, String apiKey, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl + "/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw new IOException("ingest answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    /**
     * Polls a JSON Feed until it carries the article, on any of its pages (a restarted demo's sample can be far
     * down the feed); false when the deadline passes first.
     */
    public boolean awaitItem(String jsonFeedUrl, String articleId, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        long pauseMillis = 100;
        while (Instant.now().isBefore(deadline)) {
            if (feedHasArticle(jsonFeedUrl, articleId)) {
                return true;
            }
            // A poll of a local HTTP endpoint, not a test: a short, growing pause between tries.
            Thread.sleep(pauseMillis);
            pauseMillis = Math.min(1000, pauseMillis * 2);
        }
        return false;
    }

    /** Walks the feed's pages (next_url) looking for the item whose id names the article. */
    private boolean feedHasArticle(String jsonFeedUrl, String articleId) throws InterruptedException {
        String page = jsonFeedUrl;
        for (int pages = 0; page != null && pages < MAX_PAGES; pages++) {
            JsonNode feed;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(page))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return false;
                }
                feed = json.readTree(response.body());
            } catch (IOException e) {
                return false;
            }
            for (JsonNode item : feed.path("items")) {
                // Item ids are urn:newsflow:article:<article id>.
                if (item.path("id").asText().endsWith(":" + articleId)) {
                    return true;
                }
            }
            page = feed.hasNonNull("next_url") ? feed.get("next_url").asText() : null;
        }
        return false;
    }
}
