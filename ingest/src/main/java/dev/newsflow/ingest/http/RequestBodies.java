package dev.newsflow.ingest.http;

import dev.newsflow.platform.errors.MalformedInputException;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024));
            byte[] buffer = new byte[16 * 1024];
            int total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new PayloadTooLargeException("the body is larger than the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
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
