package dev.newsflow.syndicate.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered feed document with everything a response about it needs, worked out once per rendering
 * rather than per request: the weak ETag (checksums of the bytes), Last-Modified, and the gzip-compressed
 * bytes, made on first request that accepts gzip and then kept (compressing ~1 MB costs milliseconds).
 */
public final class Rendered {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final byte[] body;
    private final String etag;
    private final Instant lastModified;
    private final String lastModifiedHeader;
    private volatile byte[] gzipped;

    Rendered(byte[] body, Instant updated) {
        this.body = body;
        this.etag = "W/\"" + digest(body) + "\"";
        this.lastModified = updated.truncatedTo(ChronoUnit.SECONDS);
        this.lastModifiedHeader = HTTP_DATE.format(ZonedDateTime.ofInstant(lastModified, ZoneOffset.UTC));
    }

    /** The document's bytes; shared, never to be modified. */
    public byte[] body() {
        return body;
    }

    public String etag() {
        return etag;
    }

    /** The document's last change, to the second (HTTP dates have no finer resolution). */
    public Instant lastModified() {
        return lastModified;
    }

    /** {@link #lastModified()} as an HTTP date. */
    public String lastModifiedHeader() {
        return lastModifiedHeader;
    }

    /** The body gzip-compressed; computed once (two racing requests may both compress, harmlessly). */
    public byte[] gzipped() {
        byte[] compressed = gzipped;
        if (compressed == null) {
            compressed = gzip(body);
            gzipped = compressed;
        }
        return compressed;
    }

    /**
     * Approximate heap bytes, fixed for the life of the object so a cache's accounting stays exact:
     * the body plus a quarter of it reserved for the gzip copy (feeds compress far better than 4:1).
     */
    long weight() {
        return body.length + body.length / 4 + 256L;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A weak validator only has to change when the content does, and every instance must derive the same one
     * from the same bytes: two different checksums (CRC-32C and CRC-32, both hardware-assisted) and the length
     * give 96 bits for that at a few percent of SHA-256's cost, which the profile of a polled feed showed at ~6 %
     * of the pipeline's samples (a 1 MB document is hashed on every render).
     */
    static String digest(byte[] body) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(body);
        CRC32 ieee = new CRC32();
        ieee.update(body);
        ByteBuffer bits = ByteBuffer.allocate(12).putInt((int) castagnoli.getValue()).putInt((int) ieee.getValue())
                .putInt(body.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits.array());
    }
}
