package dev.newsflow.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A service's OpenAPI document, kept as a resource in its jar and served at {@code GET /openapi.json} with
 * {@code servers} naming where this service really answers (its public base URL, or the port it bound), not the
 * address the file was written with. One for every service, so each serves its own the same way.
 */
public final class OpenApiDocument {
    public static final String PATH = "/openapi.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode document;
    private volatile Served served;

    private record Served(String serverUrl, byte[] body) {
    }

    private OpenApiDocument(ObjectNode document) {
        this.document = document;
    }

    /** Reads the document from the owner's jar; fails at start, not on the first request, when it is missing. */
    public static OpenApiDocument fromResource(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar of " + owner.getName());
            }
            JsonNode parsed = MAPPER.readTree(in);
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalStateException(resource + " is not a JSON object");
            }
            return new OpenApiDocument(object);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The document with {@code servers} set to the one given. */
    public ObjectNode forServer(String serverUrl) {
        ObjectNode copy = document.deepCopy();
        ObjectNode withServers = MAPPER.createObjectNode();
        // servers right after info, where a reader of the raw JSON looks for it
        copy.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("servers")) {
                withServers.set(field.getKey(), field.getValue());
            }
            if (field.getKey().equals("info")) {
                withServers.putArray("servers").addObject().put("url", serverUrl);
            }
        });
        if (!withServers.has("servers")) {
            withServers.putArray("servers").addObject().put("url", serverUrl);
        }
        return withServers;
    }

    /**
     * Adds {@code GET /openapi.json}. The server URL is asked for on request (a service learns its port only once
     * it has started) and the bytes are kept while it stays the same.
     */
    public void install(JavalinConfig config, Supplier<String> serverUrl) {
        config.routes.get(PATH, ctx -> ctx.contentType("application/json; charset=utf-8").result(body(serverUrl.get())));
    }

    private byte[] body(String serverUrl) {
        Served current = served;
        if (current == null || !current.serverUrl().equals(serverUrl)) {
            current = new Served(serverUrl, forServer(serverUrl).toString().getBytes(StandardCharsets.UTF_8));
            served = current;
        }
        return current.body();
    }
}
