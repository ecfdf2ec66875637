package dev.newsflow.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks an OpenAPI document the way a tool that reads it would: against the OpenAPI Initiative's JSON Schema of
 * OpenAPI 3.1 (and each Schema Object against the 3.1 Schema Object dialect), with networknt's validator, plus the
 * rules a JSON Schema cannot say: every operation has an {@code operationId}, unique in the document, and every
 * local {@code $ref} resolves. The schemas are in this test-jar ({@code openapi-3.1/}, with their licences).
 */
public final class OpenApi31 {
    private static final String DOCUMENT_SCHEMA = "https://spec.openapis.org/oas/3.1/schema/2021-04-15";
    private static final String DIALECT = "https://spec.openapis.org/oas/3.1/dialect/base";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix(DOCUMENT_SCHEMA, "classpath:openapi-3.1/schema.json")
                    .mapPrefix(DIALECT, "classpath:openapi-3.1/dialect-base.json")
                    .mapPrefix("https://spec.openapis.org/oas/3.1/meta/base", "classpath:openapi-3.1/meta-base.json")));

    private OpenApi31() {
    }

    /** Every problem found, each naming where; empty for a valid document. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        JsonSchema documentSchema = FACTORY.getSchema(SchemaLocation.of(DOCUMENT_SCHEMA));
        for (ValidationMessage message : documentSchema.validate(document)) {
            problems.add("OpenAPI 3.1 schema: " + message.getMessage());
        }
        JsonSchema dialect = FACTORY.getSchema(SchemaLocation.of(DIALECT));
        for (Map.Entry<String, JsonNode> schema : schemaObjects(document).entrySet()) {
            for (ValidationMessage message : dialect.validate(schema.getValue())) {
                problems.add("Schema Object at " + schema.getKey() + ": " + message.getMessage());
            }
        }
        Map<String, String> operationIds = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String where = method.toUpperCase() + " " + path.getKey();
                String id = operation.path("operationId").asText("");
                if (id.isEmpty()) {
                    problems.add(where + " has no operationId");
                } else if (operationIds.putIfAbsent(id, where) != null) {
                    problems.add(where + " repeats the operationId " + id + " of " + operationIds.get(id));
                }
            }
        }
        references(document, "#", document, problems);
        return problems;
    }

    /** Components' schemas and every {@code schema} of a parameter, header or media type, by JSON pointer. */
    private static Map<String, JsonNode> schemaObjects(JsonNode document) {
        Map<String, JsonNode> schemas = new HashMap<>();
        document.path("components").path("schemas").fields()
                .forEachRemaining(entry -> schemas.put("#/components/schemas/" + entry.getKey(), entry.getValue()));
        collectSchemaKeys(document.path("paths"), "#/paths", schemas);
        for (String section : List.of("parameters", "headers", "responses", "requestBodies")) {
            collectSchemaKeys(document.path("components").path(section), "#/components/" + section, schemas);
        }
        collectSchemaKeys(document.path("webhooks"), "#/webhooks", schemas);
        return schemas;
    }

    private static void collectSchemaKeys(JsonNode node, String pointer, Map<String, JsonNode> schemas) {
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                String at = pointer + "/" + escape(entry.getKey());
                if (entry.getKey().equals("schema") && entry.getValue().isObject()) {
                    schemas.put(at, entry.getValue());
                } else {
                    collectSchemaKeys(entry.getValue(), at, schemas);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectSchemaKeys(node.get(i), pointer + "/" + i, schemas);
            }
        }
    }

    private static void references(JsonNode node, String pointer, JsonNode document, List<String> problems) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
                if (document.at(ref.asText().substring(1)).isMissingNode()) {
                    problems.add(pointer + " refers to " + ref.asText() + ", which does not exist");
                }
            }
            node.fields().forEachRemaining(entry -> references(entry.getValue(), pointer + "/" + escape(entry.getKey()),
                    document, problems));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), pointer + "/" + i, document, problems);
            }
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
