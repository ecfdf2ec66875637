package dev.newsflow.syndicate.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A deserializer that decodes each distinct stored value once: the decoded value is kept under the bytes it was
 * decoded from, and bytes equal to those (compared in full, not by hash) give back the same instance. A feed page
 * read after one new article then decodes that article and finds the 99 others unchanged: a store read still
 * happens for each (so what is served is always what is stored), but the Avro decoding, most of a page read's
 * time (BENCHMARKS.md), does not. Correct by construction: a corrected, killed or otherwise changed value is other
 * bytes, so it is decoded anew; nothing needs invalidating, and restores, rebalances or aborted transactions cannot
 * leave a stale value behind. The decoder must give the same value for the same bytes whatever the topic (a
 * registry decoder does: the schema id is in the bytes, and an id's schema never changes). Values handed out are
 * shared between readers and threads, so they must be treated as immutable (the syndicator only reads them; a
 * change goes through a builder's copy).
 *
 * <p>Bounded by the approximate heap held: the bytes kept as the key plus the decoded value, estimated as
 * {@code decodedBytesPerStoredByte} times the stored size; the least recently read go first
 * ({@link RecencyBoundedCache}: a page read anew wants its newest articles kept).
 */
public final class DecodedByBytes<V> implements Deserializer<V> {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Object headers, the key record and the cache's entry, roughly. */
    private static final long ENTRY_OVERHEAD = 160;

    private final Deserializer<V> decoder;
    private final RecencyBoundedCache<StoredBytes, Decoded<V>> decoded;

    /**
     * @param decoder                   the deserializer whose results are kept
     * @param maxBytes                  heap budget, in approximate bytes; 0 decodes every value
     * @param decodedBytesPerStoredByte estimated heap of a decoded value per byte of its encoding
     */
    public DecodedByBytes(Deserializer<V> decoder, long maxBytes, int decodedBytesPerStoredByte) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        if (decodedBytesPerStoredByte < 0) {
            throw new IllegalArgumentException("decodedBytesPerStoredByte must not be negative");
        }
        long perByte = 1L + decodedBytesPerStoredByte;
        this.decoded = maxBytes == 0 ? null
                : new RecencyBoundedCache<>(maxBytes, entry -> entry.storedLength() * perByte + ENTRY_OVERHEAD);
    }

    @Override
    public V deserialize(String topic, byte[] bytes) {
        if (bytes == null || decoded == null) {
            return decoder.deserialize(topic, bytes);
        }
        StoredBytes key = new StoredBytes(bytes);
        Decoded<V> known = decoded.get(key);
        if (known != null) {
            return known.value();
        }
        V value = decoder.deserialize(topic, bytes);
        if (value != null) {
            decoded.put(key, new Decoded<>(value, bytes.length));
        }
        return value;
    }

    @Override
    public V deserialize(String topic, Headers headers, byte[] bytes) {
        if (headers != null && headers.iterator().hasNext()) {
            // the value may depend on the headers (a schema id can travel in one): not the bytes' alone to key
            return decoder.deserialize(topic, headers, bytes);
        }
        return deserialize(topic, bytes);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        decoder.configure(configs, isKey);
    }

    @Override
    public void close() {
        decoder.close();
    }

    /** Approximate heap held (for tests and metrics). */
    public long weight() {
        return decoded == null ? 0 : decoded.weight();
    }

    private record Decoded<V>(V value, int storedLength) {
    }

    /**
     * Bytes as a map key: equal when their contents are. The bytes are the caller's (a store read returns a fresh
     * array each time) and never written to after.
     */
    static final class StoredBytes {
        private static final int HEAD = 256;
        private static final int TAIL = 64;
        private static final int SAMPLES = 16;

        private final byte[] bytes;
        private final int hash;

        StoredBytes(byte[] bytes) {
            this.bytes = bytes;
            this.hash = hash(bytes);
        }

        /**
         * The length, the first {@value #HEAD} bytes (in a stored record: the schema fingerprint or id, then the
         * first fields, e.g. an article's id and version), the last {@value #TAIL} and {@value #SAMPLES} eight-byte
         * words spread between, not every byte: hashing every byte of an article cost two thirds of what reading it
         * from RocksDB did (JFR). Values alike in all of these only share a hash bucket; {@link #equals} compares
         * the contents.
         */
        static int hash(byte[] bytes) {
            int length = bytes.length;
            long h = length * 0x9E3779B97F4A7C15L;
            if (length < HEAD + TAIL + SAMPLES * Long.BYTES) {
                int i = 0;
                for (; i + Long.BYTES <= length; i += Long.BYTES) {
                    h = mix(h, (long) LONGS.get(bytes, i));
                }
                for (; i < length; i++) {
                    h = mix(h, bytes[i]);
                }
                return finish(h);
            }
            for (int i = 0; i < HEAD; i += Long.BYTES) {
                h = mix(h, (long) LONGS.get(bytes, i));
            }
            int stride = (length - HEAD - TAIL) / SAMPLES;
            for (int sample = 0; sample < SAMPLES; sample++) {
                h = mix(h, (long) LONGS.get(bytes, HEAD + sample * stride));
            }
            for (int i = length - TAIL; i < length; i += Long.BYTES) {
                h = mix(h, (long) LONGS.get(bytes, i));
            }
            return finish(h);
        }

        private static long mix(long h, long word) {
            return Long.rotateLeft(h ^ word, 31) * 0xBF58476D1CE4E5B9L;
        }

        private static int finish(long h) {
            h ^= h >>> 29;
            h *= 0x94D049BB133111EBL;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StoredBytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
