package dev.newsflow.enrich.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Plain JSON for Avro records (an enriched article, a dead letter): field names as in the schema,
 * unions unwrapped (Avro's own JSON encoding would write {@code {"string": "EPA"}}), timestamps as
 * ISO-8601 UTC, enums as their symbol, bytes as base64. For people and scripts, not for replay.
 */
public final class EnrichedArticleJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EnrichedArticleJson() {
    }

    /** One line of JSON (for one-document-per-line output). */
    public static String render(IndexedRecord record) {
        return write(MAPPER, record);
    }

    /** Indented JSON, for reading. */
    public static String renderPretty(IndexedRecord record) {
        return write(PRETTY, record);
    }

    public static ObjectNode toTree(IndexedRecord record) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : record.getSchema().getFields()) {
            node.set(field.name(), value(record.get(field.pos())));
        }
        return node;
    }

    private static String write(ObjectMapper mapper, IndexedRecord record) {
        try {
            return mapper.writeValueAsString(toTree(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + record.getSchema().getFullName() + " as JSON", e);
        }
    }

    private static JsonNode value(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof IndexedRecord) {
            return toTree((IndexedRecord) value);
        }
        if (value instanceof CharSequence) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Instant) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>) {
            return NODES.textNode(value.toString());
        }
        if (value instanceof Integer || value instanceof Long) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof Boolean) {
            return NODES.booleanNode((Boolean) value);
        }
        if (value instanceof ByteBuffer) {
            ByteBuffer copy = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
        }
        if (value instanceof Collection<?>) {
            ArrayNode array = NODES.arrayNode();
            for (Object item : (Collection<?>) value) {
                array.add(value(item));
            }
            return array;
        }
        if (value instanceof Map<?, ?>) {
            ObjectNode object = NODES.objectNode();
            ((Map<?, ?>) value).forEach((k, v) -> object.set(String.valueOf(k), value(v)));
            return object;
        }
        return NODES.textNode(value.toString());
    }
}
