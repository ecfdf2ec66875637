package dev.newsflow.platform.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a schema registry answers ({@code GET /config}, which Confluent's registry and newsflow's embedded one
 * both serve): any answer below 500 counts, since a registry that refuses credentials is still there. With several
 * URLs (comma-separated), one answering is enough, as for the serdes. Kept for a few seconds like Kafka's.
 */
public final class RegistryReachability implements HealthCheck {
    private final List<URI> urls = new ArrayList<>();
    private final Duration timeout;
    private final HttpClient http;
    private final CachedCheck cached;

    public RegistryReachability(String registryUrls, Duration timeout, Duration keepFor) {
        for (String url : registryUrls.split(",")) {
            String base = url.trim();
            if (!base.isEmpty() && !base.startsWith("mock://")) {
                urls.add(URI.create((base.endsWith("/") ? base : base + "/") + "config"));
            }
        }
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.cached = new CachedCheck(this::ask, keepFor);
    }

    @Override
    public Check check() {
        return cached.check();
    }

    private Check ask() {
        if (urls.isEmpty()) {
            return Check.UP;
        }
        String last = "no registry URL";
        for (URI url : urls) {
            try {
                int status = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 500) {
                    return Check.UP;
                }
                last = url.getHost() + " answered " + status;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Check.down("interrupted");
            } catch (Exception e) {
                last = url.getHost() + ":" + url.getPort() + " did not answer within " + timeout.toMillis() + " ms";
            }
        }
        return Check.down(last);
    }
}
