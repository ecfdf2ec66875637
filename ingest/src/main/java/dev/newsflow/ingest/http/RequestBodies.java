package dev.newsflow.ingest.http;

import dev.newsflow.platform.errors.MalformedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request body without ever holding more than the configured limit: the declared
 * Content-Length is checked first, then the stream is read with a cap (a chunked body has no
 * length to check). Bytes are decoded strictly in the declared charset (UTF-8 by default), so
 * invalid bytes are a 400, not silent replacement characters in a news feed.
 */
final class RequestBodies {
    /** First array for a body of no declared length; most articles are a few KB. */
    private static final int UNDECLARED_FIRST_BYTES = 8 * 1024;
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    private RequestBodies() {
    }

    static String read(Context ctx, int maxBytes) {
        long declared = ctx.contentLength();
        if (declared > maxBytes) {
            throw new PayloadTooLargeException("the body has " + declared + " bytes; the limit is " + maxBytes);
        }
        byte[] bytes = readCapped(ctx, maxBytes);
        return decode(bytes, charset(ctx.header("Content-Type")));
    }

    private static byte[] readCapped(Context ctx, int maxBytes) {
        try (InputStream in = ctx.req().getInputStream()) {
            return readCapped(in, ctx.contentLength(), maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    /**
     * The stream's bytes, at most {@code maxBytes}: read straight into an array of the declared length when there
     * is one (it has been checked against the limit), else into one grown by doubling. A 64 KB buffer, a 16 KB
     * one and a copy for every ~5 KB POST were ~80 KB of garbage per article (BENCHMARKS.md, issue 20).
     *
     * @param declared the Content-Length, or negative when the body is chunked
     */
    static byte[] readCapped(InputStream in, long declared, int maxBytes) throws IOException {
        byte[] bytes = new byte[declared >= 0 ? (int) Math.min(declared, maxBytes)
                : Math.min(maxBytes, UNDECLARED_FIRST_BYTES)];
        int total = 0;
        while (true) {
            if (total == bytes.length) {
                int next = in.read();
                if (next < 0) {
                    return bytes;
                }
                if (total >= maxBytes) {
                    throw new PayloadTooLargeException("the body is larger than the limit of " + maxBytes + " bytes");
                }
                bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes,
                        Math.max(2L * bytes.length, UNDECLARED_FIRST_BYTES)));
                bytes[total++] = (byte) next;
                continue;
            }
            int read = in.read(bytes, total, bytes.length - total);
            if (read < 0) {
                return total == bytes.length ? bytes : Arrays.copyOf(bytes, total);
            }
            total += read;
        }
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            Matcher matcher = CHARSET.matcher(contentType);
            if (matcher.find()) {
                try {
                    return Charset.forName(matcher.group(1).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new MalformedInputException("body",
                            "unknown charset '" + matcher.group(1) + "' in Content-Type");
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String decode(byte[] bytes, Charset charset) {
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MalformedInputException("body", "the body is not valid " + charset.name() + " text", e);
        }
    }
}
