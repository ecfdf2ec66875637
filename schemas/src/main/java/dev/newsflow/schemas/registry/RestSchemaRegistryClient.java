package dev.newsflow.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.apache.avro.Schema;

/**
 * Talks to a Confluent-compatible schema registry over its REST API, sending exactly what
 * Confluent's clients send (content type {@code application/vnd.schemaregistry.v1+json},
 * bodies {@code {"schema": "..."}}, URL-encoded subjects). Several comma-separated base URLs
 * are tried in order when one cannot be reached.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json";

    private final List<URI> baseUris;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Duration timeout;

    public RestSchemaRegistryClient(String urls) {
        this(urls, Duration.ofSeconds(10));
    }

    public RestSchemaRegistryClient(String urls, Duration timeout) {
        List<URI> uris = new ArrayList<>();
        for (String url : urls.split(",")) {
            String trimmed = url.trim();
            if (!trimmed.isEmpty()) {
                uris.add(URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/"));
            }
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("schema.registry.url is empty");
        }
        this.baseUris = List.copyOf(uris);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode answer = send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema));
        return answer.get("id").asInt();
    }

    @Override
    public RegisteredSchema lookup(String subject, Schema schema) {
        JsonNode answer = send("POST", "subjects/" + encode(subject), schemaBody(schema));
        return toRegistered(answer);
    }

    @Override
    public Schema getById(int id) {
        JsonNode answer = send("GET", "schemas/ids/" + id, null);
        return parse(answer.get("schema").asText());
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        return toRegistered(send("GET", "subjects/" + encode(subject) + "/versions/latest", null));
    }

    @Override
    public RegisteredSchema getVersion(String subject, int version) {
        String path = version == -1 ? "latest" : String.valueOf(version);
        return toRegistered(send("GET", "subjects/" + encode(subject) + "/versions/" + path, null));
    }

    @Override
    public List<Integer> versions(String subject) {
        List<Integer> versions = new ArrayList<>();
        send("GET", "subjects/" + encode(subject) + "/versions", null).forEach(v -> versions.add(v.asInt()));
        return versions;
    }

    /**
     * Asks {@code POST /compatibility/subjects/{s}/versions/latest?verbose=true}: a Confluent
     * registry (and the embedded one) holds the schema against every version there when the
     * subject's level is transitive, and against the latest otherwise.
     */
    @Override
    public List<String> incompatibilities(String subject, Schema schema) {
        try {
            JsonNode answer = send("POST", "compatibility/subjects/" + encode(subject)
                    + "/versions/latest?verbose=true", schemaBody(schema));
            if (answer.path("is_compatible").asBoolean(false)) {
                return List.of();
            }
            List<String> messages = new ArrayList<>();
            answer.path("messages").forEach(m -> messages.add(m.asText()));
            if (messages.isEmpty()) {
                messages.add("incompatible with the versions of " + subject + " under its compatibility level");
            }
            return messages;
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40401) {
                return List.of(); // nothing registered yet: anything is compatible
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        ObjectNode body = json.createObjectNode().put("compatibility", level.name());
        send("PUT", "config/" + encode(subject), body.toString());
    }

    /** {@code GET /config/{subject}?defaultToGlobal=true}, read as {@code compatibilityLevel}. */
    @Override
    public CompatibilityLevel getCompatibility(String subject) {
        String level = send("GET", "config/" + encode(subject) + "?defaultToGlobal=true", null)
                .path("compatibilityLevel").asText();
        return CompatibilityLevel.named(level).orElseThrow(() -> new SchemaRegistryException(500, 500,
                "the registry answered an unknown compatibility level '" + level + "' for " + subject));
    }

    @Override
    public List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        send("GET", "subjects", null).forEach(s -> subjects.add(s.asText()));
        return subjects;
    }

    private RegisteredSchema toRegistered(JsonNode answer) {
        return new RegisteredSchema(answer.path("subject").asText(), answer.path("version").asInt(),
                answer.path("id").asInt(), parse(answer.path("schema").asText()));
    }

    private String schemaBody(Schema schema) {
        return json.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String schemaText) {
        return new Schema.Parser().parse(schemaText);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUris) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(timeout)
                    .header("Accept", ACCEPT);
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE)
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return readAnswer(response);
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException("schema registry unreachable at " + baseUris, lastFailure);
    }

    private JsonNode readAnswer(HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        JsonNode answer;
        try {
            answer = response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
        } catch (IOException e) {
            if (status / 100 == 2) {
                throw e;
            }
            throw new SchemaRegistryException(status, status, "unreadable error from schema registry: " + response.body());
        }
        if (status / 100 != 2) {
            int code = answer.path("error_code").asInt(status);
            String message = answer.path("message").asText("HTTP " + status);
            throw new SchemaRegistryException(status, code, message);
        }
        return answer;
    }
}
