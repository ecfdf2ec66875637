package dev.newsflow.schemas.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/** Confluent's framing: magic byte 0, the schema id as a 4-byte big-endian int, then Avro binary. */
final class WireFormat {
    static final byte MAGIC_BYTE = 0;
    static final int HEADER_LENGTH = 5;

    private WireFormat() {
    }

    /**
     * Reads the header and returns the schema id; the buffer is left at the Avro body. The body
     * may be empty (a record with no fields encodes to nothing); a body too short for its schema
     * fails later, when Avro decodes it.
     */
    static int readSchemaId(String topic, ByteBuffer buffer) {
        if (buffer.remaining() < HEADER_LENGTH) {
            throw new SerializationException("record on topic " + topic + " has " + buffer.remaining()
                    + " bytes: too short for the Confluent wire format (magic byte 0, 4-byte schema id, Avro body)");
        }
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new SerializationException(String.format("record on topic %s starts with byte 0x%02x, not the "
                    + "Confluent magic byte 0x00: it was not written by a Confluent-wire-format Avro serializer",
                    topic, magic));
        }
        return buffer.getInt();
    }
}
