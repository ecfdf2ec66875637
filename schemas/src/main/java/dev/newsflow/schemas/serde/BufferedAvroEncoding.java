package dev.newsflow.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * Avro binary of one datum behind a short header (the Confluent wire format's magic byte and schema id, or the
 * single-object encoding's marker and fingerprint), as one array of exactly its length.
 * <p>Avro's direct encoder over a {@code ByteArrayOutputStream} makes a synchronized stream call for every field
 * and grows the array by copying (from 256 bytes to ~8 KB for an enriched article, then a last copy out): a third
 * of what writing an article cost (BENCHMARKS.md, "Writing Avro"). Here a buffered encoder writes into a buffer
 * that each thread keeps, and the result is copied out once.
 */
public final class BufferedAvroEncoding {
    /** A buffer an unusually large datum grew beyond this is not kept for the thread's next one. */
    static final int MAX_KEPT_BYTES = 1 << 20;
    private static final int INITIAL_BYTES = 16 * 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private BufferedAvroEncoding() {
    }

    /** The header's bytes followed by the datum's Avro binary, as {@code writer} writes it. */
    public static <T> byte[] encode(byte[] header, DatumWriter<T> writer, T datum) throws IOException {
        Scratch scratch = SCRATCH.get();
        if (scratch.inUse) {
            // A writer that serializes another datum while it writes (nothing here does) gets a buffer of its own.
            scratch = new Scratch();
        }
        scratch.inUse = true;
        boolean written = false;
        try {
            scratch.out.reset();
            scratch.out.write(header, 0, header.length);
            scratch.encoder = EncoderFactory.get().binaryEncoder(scratch.out, scratch.encoder);
            writer.write(datum, scratch.encoder);
            scratch.encoder.flush();
            written = true;
            return scratch.out.copy();
        } finally {
            if (!written) {
                // A write that failed part-way leaves bytes in the encoder's buffer, and reusing the encoder would
                // flush them into the next datum's output: a new one is made next time.
                scratch.encoder = null;
            }
            scratch.out.shrinkIfGrown();
            scratch.inUse = false;
        }
    }

    /**
     * A writer of the generated class's records that lets each nested record which has one (entities, mentions,
     * images, topics: every record without a logical type) write itself with its generated {@code customEncode}:
     * the same bytes, without reading every field through {@code get(int)} and boxing its numbers, twice as fast
     * for an enriched article (BENCHMARKS.md, "Writing Avro"). Only for writing: reading keeps Avro's default
     * reader, which resolves a writer's schema against the class's.
     */
    public static <T> DatumWriter<T> specificWriter(Class<?> generated, Schema schema) {
        SpecificData model = SpecificData.getForClass(generated);
        SpecificData customCoded = new SpecificData(generated.getClassLoader());
        model.getConversions().forEach(customCoded::addLogicalTypeConversion);
        customCoded.setCustomCoders(true);
        return new SpecificDatumWriter<>(schema, customCoded);
    }

    /** The Confluent wire format's header: magic byte 0 and the schema id, big-endian. */
    static byte[] wireFormatHeader(int schemaId) {
        return new byte[] {WireFormat.MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16),
                (byte) (schemaId >>> 8), (byte) schemaId};
    }

    /**
     * The header of Avro's single-object encoding of the schema (marker {@code C3 01}, then its CRC-64-AVRO parsing
     * fingerprint), as the generated classes' {@code toByteBuffer} writes it.
     */
    public static byte[] singleObjectHeader(Schema schema) {
        byte[] fingerprint;
        try {
            fingerprint = SchemaNormalization.parsingFingerprint("CRC-64-AVRO", schema);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Avro names CRC-64-AVRO and does not know it", e);
        }
        byte[] header = new byte[2 + fingerprint.length];
        header[0] = (byte) 0xC3;
        header[1] = 0x01;
        System.arraycopy(fingerprint, 0, header, 2, fingerprint.length);
        return header;
    }

    private static final class Scratch {
        final GrowingBytes out = new GrowingBytes();
        BinaryEncoder encoder;
        boolean inUse;
    }

    /** An unsynchronized byte sink: one thread writes it at a time. */
    private static final class GrowingBytes extends OutputStream {
        private byte[] bytes = new byte[INITIAL_BYTES];
        private int length;

        void reset() {
            length = 0;
        }

        byte[] copy() {
            return Arrays.copyOf(bytes, length);
        }

        void shrinkIfGrown() {
            if (bytes.length > MAX_KEPT_BYTES) {
                bytes = new byte[INITIAL_BYTES];
            }
            length = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[length++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int count) {
            ensure(count);
            System.arraycopy(source, offset, bytes, length, count);
            length += count;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
