package dev.newsflow.enrich.dedupe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The store's value format: a format byte, then version, seenAt, and the two strings with their
 * lengths. Internal to this service (the store and its changelog), so it needs no registry; the
 * format byte lets a later layout read old entries.
 */
public final class SeenVersionSerde implements Serde<SeenVersion> {
    private static final byte FORMAT_1 = 1;

    @Override
    public Serializer<SeenVersion> serializer() {
        return (topic, seen) -> {
            if (seen == null) {
                return null;
            }
            byte[] hash = seen.contentHash().getBytes(StandardCharsets.UTF_8);
            byte[] action = seen.action().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(1 + 4 + 8 + 4 + hash.length + 4 + action.length)
                    .put(FORMAT_1).putInt(seen.version()).putLong(seen.seenAt())
                    .putInt(hash.length).put(hash).putInt(action.length).put(action)
                    .array();
        };
    }

    @Override
    public Deserializer<SeenVersion> deserializer() {
        return (topic, data) -> {
            if (data == null) {
                return null;
            }
            try {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                byte format = buffer.get();
                if (format != FORMAT_1) {
                    throw new SerializationException("unknown seen-version format " + format + " on " + topic);
                }
                int version = buffer.getInt();
                long seenAt = buffer.getLong();
                String hash = readString(buffer);
                String action = readString(buffer);
                return new SeenVersion(version, hash, action, seenAt);
            } catch (RuntimeException e) {
                if (e instanceof SerializationException) {
                    throw e;
                }
                throw new SerializationException("corrupt seen-version entry on " + topic, e);
            }
        };
    }

    private static String readString(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
