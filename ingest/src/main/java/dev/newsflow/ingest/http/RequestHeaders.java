package dev.newsflow.ingest.http;

import dev.newsflow.ingest.text.TextHygiene;
import dev.newsflow.platform.http.Problem;
import dev.newsflow.platform.http.ProblemException;
import dev.newsflow.schema.ArticleAction;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.regex.Pattern;

/** The submission headers a publisher may send, each checked (400 naming the header when wrong). */
final class RequestHeaders {
    /** Identity for bodies without a GUID or URL field (text/plain, most HTML); body fields win. */
    static final String GUID_HEADER = "X-Article-Guid";
    static final String URL_HEADER = "X-Article-Url";
    static final String ACTION_HEADER = "X-Article-Action";
    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final int MAX_IDENTITY_HEADER_LENGTH = 1000;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");

    private RequestHeaders() {
    }

    /** A GUID or canonical URL sent as a header: how raw text, which has no field for them, keeps a stable id. */
    static String identity(Context ctx, String name) {
        String value = ctx.header(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = TextHygiene.cleanOrNull(value);
        if (clean == null || clean.length() > MAX_IDENTITY_HEADER_LENGTH) {
            throw invalid(name, name + " must be 1 to " + MAX_IDENTITY_HEADER_LENGTH + " characters");
        }
        return clean;
    }

    static ArticleAction action(Context ctx) {
        String value = ctx.header(ACTION_HEADER);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ArticleAction.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(ACTION_HEADER, ACTION_HEADER + " must be one of publish, update, correct, kill");
        }
    }

    static String idempotencyKey(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_KEY_HEADER);
        if (key == null) {
            return null;
        }
        String stripped = key.strip();
        if (stripped.startsWith("\"") && stripped.endsWith("\"") && stripped.length() > 2) {
            stripped = stripped.substring(1, stripped.length() - 1);
        }
        if (!IDEMPOTENCY_KEY.matcher(stripped).matches()) {
            throw invalid(IDEMPOTENCY_KEY_HEADER, "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        return stripped;
    }

    private static ProblemException invalid(String header, String detail) {
        return new ProblemException(Problem.of(400, "malformed-request", "A request header is invalid", detail,
                header));
    }
}
