package dev.newsflow.platform.article;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;

/**
 * A quick ceiling on {@link CleanupReportBound#encodedSize}: never below the record's Avro binary size, read from
 * the schema and the lengths of the strings without encoding anything. Almost every article's annotations and
 * report are far inside their bounds, and this says so without encoding them (issue 17's speed); only when the
 * ceilings do not fit are the exact sizes needed.
 *
 * <p>Per value, the most Avro's binary encoding can write: a varint int or enum 5 bytes, a long 10; a string its
 * length's varint and at most 3 UTF-8 bytes per UTF-16 char (a surrogate pair: 4 bytes for 2 chars); a union its
 * branch index and the largest of its branches; an array or map one block (its count, its items, the closing 0).
 */
public final class EncodedSizeCeiling {
    /** The ceiling of a record this cannot read: more than any bound, so the exact size is taken. */
    public static final long UNKNOWN = Long.MAX_VALUE / 4;
    private static final int MAX_INT = 5;
    private static final int MAX_LONG = 10;
    /** The block count of an array or map and the empty block that closes it. */
    private static final int BLOCK_FRAMING = MAX_LONG + 1;

    private EncodedSizeCeiling() {
    }

    /** At least {@link CleanupReportBound#encodedSize} of the record (whose result includes its array's count). */
    public static long of(SpecificRecord record) {
        try {
            return ofValue(record, record.getSchema()) + 2;
        } catch (RuntimeException e) {
            return UNKNOWN; // a value its schema does not allow: let the exact size decide
        }
    }

    private static long ofValue(Object value, Schema schema) {
        if (value == null) {
            return 0; // a null outside a union does not encode, and a record that does not encode counts 0
        }
        switch (schema.getType()) {
            case NULL:
                return 0;
            case BOOLEAN:
                return 1;
            case INT:
            case ENUM:
                return MAX_INT;
            case LONG:
                return MAX_LONG;
            case FLOAT:
                return 4;
            case DOUBLE:
                return 8;
            case STRING:
                return MAX_LONG + stringBytes(value);
            case BYTES:
                return MAX_LONG + (value instanceof ByteBuffer b ? b.remaining() : 0);
            case FIXED:
                return schema.getFixedSize();
            case RECORD: {
                if (!(value instanceof IndexedRecord record)) {
                    return 0;
                }
                long size = 0;
                for (Schema.Field field : schema.getFields()) {
                    size += ofValue(record.get(field.pos()), field.schema());
                }
                return size;
            }
            case ARRAY: {
                long size = BLOCK_FRAMING;
                if (value instanceof Collection<?> items) {
                    for (Object item : items) {
                        size += ofValue(item, schema.getElementType());
                    }
                }
                return size;
            }
            case MAP: {
                long size = BLOCK_FRAMING;
                if (value instanceof Map<?, ?> map) {
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        size += MAX_LONG + stringBytes(e.getKey()) + ofValue(e.getValue(), schema.getValueType());
                    }
                }
                return size;
            }
            case UNION: {
                // The largest over the branches: as high as the value's own branch, without resolving which it is.
                long largest = 0;
                for (Schema branch : schema.getTypes()) {
                    largest = Math.max(largest, ofValue(value, branch));
                }
                return MAX_INT + largest;
            }
            default:
                throw new IllegalArgumentException("no ceiling for Avro type " + schema.getType());
        }
    }

    private static long stringBytes(Object value) {
        if (value instanceof Utf8 utf8) {
            return utf8.getByteLength();
        }
        return value instanceof CharSequence text ? 3L * text.length() : 0;
    }
}
