package dev.newsflow.syndicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.testing.TestKafka;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schemas.topics.TopicCatalogue;
import dev.newsflow.schemas.topics.TopicSpec;
import dev.newsflow.syndicate.interop.ServedFeedsAreValid;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Starts syndicate instances on the shared in-JVM broker and talks to them over real HTTP. */
public final class SyndicateTestSupport {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyndicateTestSupport() {
    }

    public static SyndicateConfig config(Path stateDir, String applicationId, String instanceId) {
        return config(stateDir, applicationId, instanceId, Map.of());
    }

    public static SyndicateConfig config(Path stateDir, String applicationId, String instanceId,
                                         Map<String, String> extra) {
        Map<String, Object> settings = new HashMap<>(TestKafka.get().serviceSettings());
        settings.put(SyndicateConfig.PORT, "0");
        settings.put(SyndicateConfig.HOST, "127.0.0.1");
        settings.put(SyndicateConfig.MANAGEMENT_PORT, "0");
        settings.put(SyndicateConfig.ADMIN_TOKEN, ADMIN_TOKEN);
        settings.put(SyndicateConfig.APPLICATION_ID, applicationId);
        settings.put(SyndicateConfig.INSTANCE_ID, instanceId);
        settings.put(SyndicateConfig.STATE_DIR, stateDir.toString());
        settings.put(SyndicateConfig.PUSH_INTERVAL_MS, "50");
        settings.put(SyndicateConfig.PUSH_BACKOFF_INITIAL_MS, "100");
        settings.put(SyndicateConfig.PUSH_BACKOFF_MAX_MS, "1000");
        settings.putAll(extra);
        return new SyndicateConfig(settings);
    }

    public static void produce(EnrichedArticle... articles) {
        TopicSpec<String, EnrichedArticle> topic = TopicCatalogue.create(config(Path.of("unused"), "unused", "0")
                .serdeConfig()).articlesEnriched();
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, EnrichedArticle> producer = new KafkaProducer<>(settings,
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (EnrichedArticle article : articles) {
                producer.send(new ProducerRecord<>(topic.name(), article.getArticleId(), article));
            }
            producer.flush();
        }
    }

    /** Creates a partner with one feed of everything through the admin API; returns its token. */
    public static String createPartner(int port, String partnerId, String feedsJson) {
        String body = "{\"partnerId\":\"" + partnerId + "\",\"displayName\":\"Partner " + partnerId + "\",\"feeds\":"
                + feedsJson + "}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(port, "/v1/partners"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("create partner: " + response.statusCode() + " " + response.body());
        }
        return json(response.body()).get("token").asText();
    }

    public static URI url(int port, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public static HttpResponse<String> get(int port, String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(port, pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request.build());
        // where the service's own links put it (its default public base URL), which is what the validator checks
        ServedFeedsAreValid.record("http://localhost:" + port + pathAndQuery, response);
        return response;
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
