package dev.newsflow.syndicate.publish;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Tells a WebSub hub that a topic (a feed URL) changed: {@code POST hub.mode=publish&hub.url=<topic>},
 * form-encoded, the de-facto publish ping hubs accept (WebSub leaves publishing to the hub; this is
 * what Google's and Superfeedr's hubs take). Returns whether the hub answered 2xx.
 */
public final class WebSubPublisher {
    private final URI hub;
    private final HttpClient http;
    private final Duration timeout;

    public WebSubPublisher(URI hub, Duration timeout) {
        this.hub = hub;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    public URI hub() {
        return hub;
    }

    public boolean publish(String topicUrl) throws IOException {
        String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(topicUrl, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(hub).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
