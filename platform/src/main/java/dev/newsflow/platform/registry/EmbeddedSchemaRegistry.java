package dev.newsflow.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A Confluent-compatible schema registry inside the JVM, for local mode and tests.
 * FIRST CUT: in memory, register / lookup / get by id / latest only. To be replaced by the
 * full API stored in the compacted {@code _schemas} topic.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, String> schemasById = new LinkedHashMap<>();
    private final Map<String, Integer> idByCanonical = new LinkedHashMap<>();
    private final Map<String, List<Integer>> versions = new LinkedHashMap<>();
    private final Javalin server;

    private EmbeddedSchemaRegistry(String bootstrapServers, int port) {
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.routes.post("/subjects/{subject}/versions", this::register);
            cfg.routes.post("/subjects/{subject}", this::lookup);
            cfg.routes.get("/schemas/ids/{id}", this::byId);
            cfg.routes.get("/subjects/{subject}/versions/latest", this::latest);
            cfg.routes.get("/subjects", ctx -> answer(ctx, 200, json.valueToTree(versions.keySet())));
        });
        server.start("127.0.0.1", port);
    }

    public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
        return new EmbeddedSchemaRegistry(bootstrapServers, port);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    private synchronized void register(Context ctx) throws Exception {
        String canonical = new Schema.Parser().parse(json.readTree(ctx.body()).get("schema").asText()).toString();
        int id = idByCanonical.computeIfAbsent(canonical, c -> {
            int next = schemasById.size() + 1;
            schemasById.put(next, c);
            return next;
        });
        List<Integer> subjectVersions = versions.computeIfAbsent(ctx.pathParam("subject"), s -> new ArrayList<>());
        if (!subjectVersions.contains(id)) {
            subjectVersions.add(id);
        }
        answer(ctx, 200, json.createObjectNode().put("id", id));
    }

    private synchronized void lookup(Context ctx) throws Exception {
        String subject = ctx.pathParam("subject");
        String canonical = new Schema.Parser().parse(json.readTree(ctx.body()).get("schema").asText()).toString();
        List<Integer> subjectVersions = versions.get(subject);
        Integer id = idByCanonical.get(canonical);
        if (subjectVersions == null || id == null || !subjectVersions.contains(id)) {
            error(ctx, 404, 40403, "Schema not found");
            return;
        }
        answer(ctx, 200, json.createObjectNode().put("subject", subject).put("id", id)
                .put("version", subjectVersions.indexOf(id) + 1).put("schema", canonical));
    }

    private synchronized void byId(Context ctx) {
        String schema = schemasById.get(Integer.parseInt(ctx.pathParam("id")));
        if (schema == null) {
            error(ctx, 404, 40403, "Schema not found");
            return;
        }
        answer(ctx, 200, json.createObjectNode().put("schema", schema));
    }

    private synchronized void latest(Context ctx) {
        String subject = ctx.pathParam("subject");
        List<Integer> subjectVersions = versions.get(subject);
        if (subjectVersions == null) {
            error(ctx, 404, 40401, "Subject '" + subject + "' not found.");
            return;
        }
        int id = subjectVersions.get(subjectVersions.size() - 1);
        answer(ctx, 200, json.createObjectNode().put("subject", subject).put("id", id)
                .put("version", subjectVersions.size()).put("schema", schemasById.get(id)));
    }

    private void error(Context ctx, int status, int code, String message) {
        answer(ctx, status, json.createObjectNode().put("error_code", code).put("message", message));
    }

    private void answer(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(body.toString());
    }

    @Override
    public void close() {
        server.stop();
    }
}
