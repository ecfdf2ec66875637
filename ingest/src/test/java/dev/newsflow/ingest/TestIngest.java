package dev.newsflow.ingest;

import dev.newsflow.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** An ingest service on the shared test broker, with a real HTTP client. */
public final class TestIngest implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final IngestService service;
    private final String publisher;
    private final String key;

    private TestIngest(IngestService service, String publisher, String key) {
        this.service = service;
        this.publisher = publisher;
        this.key = key;
    }

    /** A service whose one key belongs to a publisher no other test uses. */
    public static TestIngest start(Map<String, String> extraSettings) {
        return start(TestKafka.unique("pub"), extraSettings);
    }

    /** A service for the given publisher (key {@code key-<publisher>}), e.g. to restart one with the same identity. */
    public static TestIngest start(String publisher, Map<String, String> extraSettings) {
        String key = keyOf(publisher);
        Map<String, String> settings = new HashMap<>(TestKafka.get().serviceSettings());
        settings.put(IngestConfig.PORT, "0");
        settings.put(IngestConfig.HOST, "127.0.0.1");
        settings.put(IngestConfig.MANAGEMENT_PORT, "0");
        settings.put(IngestConfig.API_KEYS, publisher + ":" + key
                + (extraSettings.containsKey(IngestConfig.API_KEYS) ? "," + extraSettings.get(IngestConfig.API_KEYS) : ""));
        settings.put(IngestConfig.LANGUAGE_DETECTION, "false");
        extraSettings.forEach((name, value) -> {
            if (!name.equals(IngestConfig.API_KEYS)) {
                settings.put(name, value);
            }
        });
        return new TestIngest(IngestService.start(new IngestConfig(settings)), publisher, key);
    }

    public static TestIngest start() {
        return start(Map.of());
    }

    public static String keyOf(String publisher) {
        return "key-" + publisher;
    }

    public String publisher() {
        return publisher;
    }

    public String key() {
        return key;
    }

    public int port() {
        return service.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    public HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public HttpResponse<String> postWithKey(String path, String contentType, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + key;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(path, contentType, body, all);
    }

    /** GET on the management listener (/metrics, /health). */
    public HttpResponse<String> getManagement(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.managementPort().orElseThrow()
                + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        service.close();
    }
}
