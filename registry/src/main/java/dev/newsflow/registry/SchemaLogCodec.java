package dev.newsflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schemas.registry.CompatibilityLevel;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Keys and values of the {@code _schemas} topic as JSON, in the layout Confluent's registry
 * uses ({@code {"keytype":"SCHEMA","subject":…,"version":…,"magic":1}} →
 * {@code {"subject":…,"version":…,"id":…,"schema":…,"deleted":…}};
 * {@code {"keytype":"CONFIG","subject":…,"magic":0}} → {@code {"compatibilityLevel":…}}).
 * Keys are written with a fixed field order, because compaction keeps the latest record per
 * key <em>bytes</em>: the same logical key must always serialise to the same bytes.
 */
final class SchemaLogCodec {
    private static final String KEYTYPE = "keytype";
    private final ObjectMapper json = new ObjectMapper();

    /** A key/value pair ready for the producer; {@code value == null} is a tombstone. */
    record Encoded(byte[] key, byte[] value) {
    }

    Encoded encode(SchemaLogRecord record) {
        if (record instanceof SchemaLogRecord.SchemaVersion put) {
            StoredSchema s = put.schema();
            ObjectNode value = json.createObjectNode()
                    .put("subject", s.subject()).put("version", s.version()).put("id", s.id())
                    .put("schemaType", "AVRO").put("schema", s.schema()).put("deleted", s.deleted());
            return new Encoded(schemaKey(s.subject(), s.version()), bytes(value));
        }
        if (record instanceof SchemaLogRecord.SchemaVersionRemoved removed) {
            return new Encoded(schemaKey(removed.subject(), removed.version()), null);
        }
        if (record instanceof SchemaLogRecord.ConfigSet set) {
            return new Encoded(configKey(set.subject()),
                    bytes(json.createObjectNode().put("compatibilityLevel", set.level().name())));
        }
        if (record instanceof SchemaLogRecord.ConfigRemoved removed) {
            return new Encoded(configKey(removed.subject()), null);
        }
        if (record instanceof SchemaLogRecord.IdFloor floor) {
            ObjectNode key = json.createObjectNode().put(KEYTYPE, "ID_FLOOR").put("magic", 0);
            return new Encoded(bytes(key), bytes(json.createObjectNode().put("maxId", floor.maxId())));
        }
        throw new IllegalArgumentException("not written to the log: " + record);
    }

    SchemaLogRecord decode(byte[] key, byte[] value) {
        JsonNode k = read(key);
        String type = k.path(KEYTYPE).asText("");
        switch (type) {
            case "SCHEMA": {
                String subject = k.path("subject").asText();
                int version = k.path("version").asInt();
                if (value == null) {
                    return new SchemaLogRecord.SchemaVersionRemoved(subject, version);
                }
                JsonNode v = read(value);
                String schemaType = v.path("schemaType").asText("AVRO");
                if (!"AVRO".equals(schemaType)) {
                    return new SchemaLogRecord.Ignored(schemaType + " schemas are not served by this registry");
                }
                return new SchemaLogRecord.SchemaVersion(new StoredSchema(subject, version, v.path("id").asInt(),
                        v.path("schema").asText(), v.path("deleted").asBoolean(false)));
            }
            case "CONFIG": {
                String subject = k.hasNonNull("subject") ? k.get("subject").asText() : null;
                if (value == null) {
                    return new SchemaLogRecord.ConfigRemoved(subject);
                }
                String level = read(value).path("compatibilityLevel").asText("");
                return CompatibilityLevel.named(level)
                        .<SchemaLogRecord>map(l -> new SchemaLogRecord.ConfigSet(subject, l))
                        .orElseGet(() -> new SchemaLogRecord.Ignored("unknown compatibility level " + level));
            }
            case "ID_FLOOR":
                return value == null ? new SchemaLogRecord.Ignored("id floor tombstone")
                        : new SchemaLogRecord.IdFloor(read(value).path("maxId").asInt());
            default:
                return new SchemaLogRecord.Ignored("key type '" + type + "' is not used by this registry");
        }
    }

    private byte[] schemaKey(String subject, int version) {
        return bytes(json.createObjectNode().put(KEYTYPE, "SCHEMA").put("subject", subject)
                .put("version", version).put("magic", 1));
    }

    private byte[] configKey(String subject) {
        ObjectNode key = json.createObjectNode().put(KEYTYPE, "CONFIG");
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        return bytes(key.put("magic", 0));
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable record in the schemas topic", e);
        }
    }
}
