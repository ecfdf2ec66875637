package dev.newsflow.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schemas.registry.CompatibilityLevel;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST resources of Confluent's Schema Registry that newsflow and Confluent's clients use,
 * with Confluent's request and response fields, error bodies ({@code {"error_code", "message"}})
 * and content types. Entities leave out empty fields, as Confluent's do (a schema of type AVRO
 * carries no {@code schemaType}).
 */
final class RegistryHttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpApi.class);
    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String SR_JSON = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    private static final Set<String> ACCEPTED_BODIES = Set.of(V1_JSON, SR_JSON, JSON, "application/octet-stream");
    private static final Set<String> MODES = Set.of("READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT");

    private final SchemaRegistryService registry;
    private final ObjectMapper json = new ObjectMapper();

    RegistryHttpApi(SchemaRegistryService registry) {
        this.registry = registry;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get("/", ctx -> answer(ctx, json.createObjectNode()));
        cfg.routes.post("/", ctx -> answer(ctx, json.createObjectNode()));

        cfg.routes.get("/schemas/types", ctx -> answer(ctx, json.createArrayNode().add("AVRO")));
        cfg.routes.get("/schemas", ctx -> {
            ArrayNode all = json.createArrayNode();
            registry.allLiveVersions().forEach(v -> all.add(schemaEntity(v)));
            answer(ctx, all);
        });
        cfg.routes.get("/schemas/ids/{id}", ctx -> {
            int id = schemaId(ctx);
            ObjectNode body = json.createObjectNode().put("schema", registry.schemaById(id));
            if (flag(ctx, "fetchMaxId")) {
                body.put("maxId", registry.maxId());
            }
            answer(ctx, body);
        });
        cfg.routes.get("/schemas/ids/{id}/schema", ctx -> raw(ctx, registry.schemaById(schemaId(ctx))));
        cfg.routes.get("/schemas/ids/{id}/subjects", ctx -> {
            ArrayNode subjects = json.createArrayNode();
            registry.usesOf(schemaId(ctx)).stream().filter(v -> !v.deleted() || flag(ctx, "deleted"))
                    .map(StoredSchema::subject).distinct().forEach(subjects::add);
            answer(ctx, subjects);
        });
        cfg.routes.get("/schemas/ids/{id}/versions", ctx -> {
            ArrayNode versions = json.createArrayNode();
            registry.usesOf(schemaId(ctx)).stream().filter(v -> !v.deleted() || flag(ctx, "deleted"))
                    .forEach(v -> versions.add(json.createObjectNode().put("subject", v.subject())
                            .put("version", v.version())));
            answer(ctx, versions);
        });

        cfg.routes.get("/subjects", ctx -> answer(ctx, json.valueToTree(
                registry.subjects(flag(ctx, "deleted"), ctx.queryParam("subjectPrefix")))));
        cfg.routes.post("/subjects/{subject}", ctx -> {
            JsonNode request = requestBody(ctx);
            StoredSchema found = registry.lookup(subject(ctx), text(request, "schema"), text(request, "schemaType"),
                    flag(ctx, "deleted"));
            answer(ctx, schemaEntity(found));
        });
        cfg.routes.delete("/subjects/{subject}", ctx -> answer(ctx,
                json.valueToTree(registry.deleteSubject(subject(ctx), flag(ctx, "permanent")))));
        cfg.routes.get("/subjects/{subject}/versions", ctx -> answer(ctx,
                json.valueToTree(registry.versions(subject(ctx), flag(ctx, "deleted")))));
        cfg.routes.post("/subjects/{subject}/versions", ctx -> {
            JsonNode request = requestBody(ctx);
            StoredSchema registered = registry.register(subject(ctx), text(request, "schema"),
                    text(request, "schemaType"));
            answer(ctx, json.createObjectNode().put("id", registered.id()));
        });
        cfg.routes.get("/subjects/{subject}/versions/{version}", ctx -> answer(ctx, schemaEntity(
                registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted")))));
        cfg.routes.get("/subjects/{subject}/versions/{version}/schema", ctx -> raw(ctx,
                registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted")).schema()));
        cfg.routes.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> {
            registry.version(subject(ctx), ctx.pathParam("version"), flag(ctx, "deleted"));
            answer(ctx, json.createArrayNode()); // references are not supported, so nothing refers to anything
        });
        cfg.routes.delete("/subjects/{subject}/versions/{version}", ctx -> answer(ctx, json.getNodeFactory()
                .numberNode(registry.deleteVersion(subject(ctx), ctx.pathParam("version"), flag(ctx, "permanent")))));

        cfg.routes.post("/compatibility/subjects/{subject}/versions/{version}", ctx ->
                compatibility(ctx, ctx.pathParam("version")));
        cfg.routes.post("/compatibility/subjects/{subject}/versions", ctx -> compatibility(ctx, null));

        cfg.routes.get("/config", ctx -> answer(ctx, levelEntity("compatibilityLevel", registry.globalLevel())));
        cfg.routes.put("/config", ctx -> {
            CompatibilityLevel level = requestedLevel(ctx);
            registry.setLevel(null, level);
            answer(ctx, levelEntity("compatibility", level));
        });
        cfg.routes.delete("/config", ctx -> answer(ctx,
                levelEntity("compatibilityLevel", registry.deleteGlobalLevel())));
        cfg.routes.get("/config/{subject}", ctx -> {
            String subject = subject(ctx);
            CompatibilityLevel level = registry.subjectLevel(subject).orElseGet(() -> {
                if (flag(ctx, "defaultToGlobal")) {
                    return registry.globalLevel();
                }
                throw RegistryError.subjectLevelCompatibilityNotConfigured(subject);
            });
            answer(ctx, levelEntity("compatibilityLevel", level));
        });
        cfg.routes.put("/config/{subject}", ctx -> {
            CompatibilityLevel level = requestedLevel(ctx);
            registry.setLevel(subject(ctx), level);
            answer(ctx, levelEntity("compatibility", level));
        });
        cfg.routes.delete("/config/{subject}", ctx -> answer(ctx,
                levelEntity("compatibilityLevel", registry.deleteSubjectLevel(subject(ctx)))));

        cfg.routes.get("/mode", ctx -> answer(ctx, json.createObjectNode().put("mode", "READWRITE")));
        cfg.routes.get("/mode/{subject}", ctx -> {
            if (!flag(ctx, "defaultToGlobal")) {
                throw RegistryError.subjectLevelModeNotConfigured(subject(ctx));
            }
            answer(ctx, json.createObjectNode().put("mode", "READWRITE"));
        });
        cfg.routes.put("/mode", this::updateMode);
        cfg.routes.put("/mode/{subject}", this::updateMode);

        cfg.routes.exception(RegistryError.class, (e, ctx) -> error(ctx, e.httpStatus(), e.errorCode(), e.getMessage()));
        cfg.routes.exception(JsonProcessingException.class, (e, ctx) ->
                error(ctx, 400, 400, "Unrecognized request body: " + e.getOriginalMessage()));
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.warn("schema registry request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, 500, "Internal Server Error: " + e.getMessage());
        });
        cfg.routes.error(404, ctx -> {
            String answered = ctx.result();
            if (answered == null || !answered.contains("\"error_code\"")) { // no route matched
                error(ctx, 404, 404, "HTTP 404 Not Found");
            }
        });
        cfg.routes.error(405, ctx -> error(ctx, 405, 405, "HTTP 405 Method Not Allowed"));
    }

    private void compatibility(Context ctx, String versionId) throws JsonProcessingException {
        JsonNode request = requestBody(ctx);
        List<String> problems = registry.testCompatibility(subject(ctx), versionId, text(request, "schema"),
                text(request, "schemaType"));
        ObjectNode body = json.createObjectNode().put("is_compatible", problems.isEmpty());
        if (flag(ctx, "verbose")) {
            body.set("messages", json.valueToTree(problems));
        }
        answer(ctx, body);
    }

    private void updateMode(Context ctx) throws JsonProcessingException {
        String mode = text(requestBody(ctx), "mode");
        String normalised = mode == null ? "" : mode.trim().toUpperCase(Locale.ROOT);
        if (!MODES.contains(normalised)) {
            throw RegistryError.invalidMode(mode);
        }
        if (!normalised.equals("READWRITE")) {
            throw RegistryError.operationNotPermitted("Mode " + normalised
                    + " is not supported: the embedded registry is always READWRITE");
        }
        answer(ctx, json.createObjectNode().put("mode", normalised));
    }

    private CompatibilityLevel requestedLevel(Context ctx) throws JsonProcessingException {
        String level = text(requestBody(ctx), "compatibility");
        return CompatibilityLevel.named(level).orElseThrow(() -> RegistryError.invalidCompatibilityLevel(level));
    }

    private ObjectNode schemaEntity(StoredSchema schema) {
        ObjectNode entity = json.createObjectNode().put("subject", schema.subject()).put("version", schema.version())
                .put("id", schema.id()).put("schema", schema.schema());
        if (schema.deleted()) {
            entity.put("deleted", true);
        }
        return entity;
    }

    private ObjectNode levelEntity(String field, CompatibilityLevel level) {
        return json.createObjectNode().put(field, level.name());
    }

    private JsonNode requestBody(Context ctx) throws JsonProcessingException {
        String contentType = ctx.contentType();
        if (contentType != null && !contentType.isBlank()) {
            String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!ACCEPTED_BODIES.contains(mediaType)) {
                throw new RegistryError(415, 415, "HTTP 415 Unsupported Media Type");
            }
        }
        String body = ctx.body();
        JsonNode request = body.isBlank() ? json.createObjectNode() : json.readTree(body);
        if (!request.isObject()) {
            throw new RegistryError(422, 422, "Unrecognized request body: a JSON object is expected");
        }
        JsonNode references = request.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw RegistryError.invalidSchema("with references: schema references are not supported by this registry");
        }
        return request;
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }

    private static int schemaId(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new RegistryError(404, 40403, "Schema " + ctx.pathParam("id") + " not found");
        }
    }

    private static boolean flag(Context ctx, String name) {
        return Boolean.parseBoolean(ctx.queryParam(name));
    }

    private void answer(Context ctx, JsonNode body) {
        ctx.status(200).contentType(responseType(ctx)).result(body.toString());
    }

    /** The "schema only" endpoints answer with the schema document itself, not a JSON string. */
    private void raw(Context ctx, String schema) {
        ctx.status(200).contentType(responseType(ctx)).result(schema);
    }

    private void error(Context ctx, int status, int code, String message) {
        ctx.status(status).contentType(responseType(ctx))
                .result(json.createObjectNode().put("error_code", code).put("message", message).toString());
    }

    /**
     * Confluent's preference order: its v1 type, then its unversioned type, then plain JSON;
     * a client that accepts only {@code application/json} gets that.
     */
    static String responseType(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank() || accept.contains(V1_JSON) || accept.contains("*/*")) {
            return V1_JSON;
        }
        if (accept.contains(SR_JSON)) {
            return SR_JSON;
        }
        if (accept.contains(JSON)) {
            return JSON;
        }
        return V1_JSON;
    }
}
