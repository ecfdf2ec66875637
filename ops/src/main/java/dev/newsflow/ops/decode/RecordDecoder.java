package dev.newsflow.ops.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsflow.schemas.registry.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Any record of any topic as one JSON object: where it is (topic, partition, offset, timestamp), its key and
 * headers, and its value. A value in the Confluent wire format (magic byte 0, schema id, Avro body) is decoded
 * with the writer's schema fetched from the registry by id; anything else (a poison record, a key, a header) is
 * shown as UTF-8 text when it is text and as base64 otherwise, and {@code valueFormat} says which.
 */
public final class RecordDecoder {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_LENGTH = 5;

    private final SchemaRegistryClient registry;
    private final Map<Integer, GenericDatumReader<Object>> readers = new ConcurrentHashMap<>();

    public RecordDecoder(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    public ObjectNode decode(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode json = NODES.objectNode();
        json.put("topic", record.topic());
        json.put("partition", record.partition());
        json.put("offset", record.offset());
        json.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
        Decoded key = decode(record.key());
        json.set("key", key.value());
        if (!"text".equals(key.format()) && !"null".equals(key.format())) {
            json.put("keyFormat", key.format());
        }
        ObjectNode headers = json.putObject("headers");
        for (Header header : record.headers()) {
            headers.set(header.key(), textOrBase64(header.value()).value());
        }
        Decoded value = decode(record.value());
        json.put("valueFormat", value.format());
        if (value.schemaId() != null) {
            json.put("schemaId", value.schemaId());
        }
        if (value.error() != null) {
            json.put("valueError", value.error());
        }
        json.set("value", value.value());
        return json;
    }

    /** The JSON form of some bytes: decoded Avro, text, or base64; with why, when Avro framing did not decode. */
    public Decoded decode(byte[] bytes) {
        if (bytes == null) {
            return new Decoded("null", NODES.nullNode(), null, null);
        }
        if (bytes.length > HEADER_LENGTH && bytes[0] == MAGIC_BYTE) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            buffer.get();
            int schemaId = buffer.getInt();
            try {
                GenericDatumReader<Object> reader = readers.computeIfAbsent(schemaId,
                        id -> new GenericDatumReader<>(registry.getById(id)));
                Object datum = reader.read(null, DecoderFactory.get()
                        .binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, null));
                Schema schema = reader.getSchema();
                return new Decoded("avro", AvroJson.toJson(datum, schema), schemaId, null);
            } catch (Exception e) {
                Decoded raw = textOrBase64(bytes);
                return new Decoded(raw.format(), raw.value(), schemaId,
                        "starts like Confluent-framed Avro (schema id " + schemaId + ") but does not decode: " + e);
            }
        }
        return textOrBase64(bytes);
    }

    private static Decoded textOrBase64(byte[] bytes) {
        if (bytes == null) {
            return new Decoded("null", NODES.nullNode(), null, null);
        }
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            if (text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                return new Decoded("text", NODES.textNode(text.toString()), null, null);
            }
        } catch (CharacterCodingException e) {
            // not text: base64 below
        }
        return new Decoded("base64", NODES.textNode(Base64.getEncoder().encodeToString(bytes)), null, null);
    }

    /** Bytes in JSON form: {@code format} is avro, text, base64 or null; {@code error} says why Avro did not decode. */
    public record Decoded(String format, JsonNode value, Integer schemaId, String error) {
    }
}
