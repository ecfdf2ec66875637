package dev.newsflow.syndicate.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Key of the timeline store: the article's feed time in epoch millis, zero-padded so that the
 * store's byte order is time order, then the article id to keep keys unique. Paging cursors are
 * these keys, base64url-encoded so partners treat them as opaque.
 */
public final class TimelineKey {
    private static final Pattern SHAPE = Pattern.compile("\\d{13}\\|.+", Pattern.DOTALL);

    private TimelineKey() {
    }

    public static String of(Instant time, String articleId) {
        return String.format("%013d|%s", Math.max(0, time.toEpochMilli()), articleId);
    }

    public static String articleId(String key) {
        return key.substring(key.indexOf('|') + 1);
    }

    public static String toCursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The timeline key of a cursor, or empty when the cursor is not one this service issued. */
    public static Optional<String> fromCursor(String cursor) {
        if (cursor == null || cursor.isEmpty() || cursor.length() > 2048) {
            return Optional.empty();
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return SHAPE.matcher(key).matches() ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
