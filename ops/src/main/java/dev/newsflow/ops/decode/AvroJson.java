package dev.newsflow.ops.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;

/**
 * A generic Avro datum as plain JSON, the way a person reads it: a union shows its value (not Avro's
 * {@code {"string": ...}} wrapping), bytes and fixed are base64, timestamps and dates ISO-8601, map keys as they
 * are. Avro's own JSON encoding is made for decoding back; this is made for reading and for {@code jq}.
 */
public final class AvroJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    public static JsonNode toJson(Object datum, Schema schema) {
        if (datum == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case UNION:
                return toJson(datum, schema.getTypes().get(GenericData.get().resolveUnion(schema, datum)));
            case RECORD: {
                GenericRecord record = (GenericRecord) datum;
                ObjectNode object = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    object.set(field.name(), toJson(record.get(field.pos()), field.schema()));
                }
                return object;
            }
            case ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (Object element : (Collection<?>) datum) {
                    array.add(toJson(element, schema.getElementType()));
                }
                return array;
            }
            case MAP: {
                ObjectNode object = NODES.objectNode();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) datum).entrySet()) {
                    object.set(entry.getKey().toString(), toJson(entry.getValue(), schema.getValueType()));
                }
                return object;
            }
            case ENUM:
                return NODES.textNode(((GenericEnumSymbol<?>) datum).toString());
            case STRING:
                return NODES.textNode(datum.toString());
            case BYTES: {
                ByteBuffer buffer = ((ByteBuffer) datum).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            case FIXED:
                return NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) datum).bytes()));
            case INT:
                return logical(schema.getLogicalType(), ((Number) datum).longValue(), NODES.numberNode((Integer) datum));
            case LONG:
                return logical(schema.getLogicalType(), (Long) datum, NODES.numberNode((Long) datum));
            case FLOAT:
                return NODES.numberNode((Float) datum);
            case DOUBLE:
                return NODES.numberNode((Double) datum);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) datum);
            case NULL:
            default:
                return NODES.nullNode();
        }
    }

    private static JsonNode logical(LogicalType type, long value, JsonNode plain) {
        if (type instanceof LogicalTypes.TimestampMillis || type instanceof LogicalTypes.LocalTimestampMillis) {
            return NODES.textNode(Instant.ofEpochMilli(value).toString());
        }
        if (type instanceof LogicalTypes.TimestampMicros || type instanceof LogicalTypes.LocalTimestampMicros) {
            return NODES.textNode(Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    Math.floorMod(value, 1_000_000L) * 1_000L).toString());
        }
        if (type instanceof LogicalTypes.Date) {
            return NODES.textNode(LocalDate.ofEpochDay(value).toString());
        }
        return plain;
    }
}
