package dev.newsflow.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An RFC 9457 problem, the one every newsflow HTTP answer of an error is: {@code type}
 * ({@code urn:newsflow:problem:<reason>}), {@code title}, {@code status}, {@code detail}, {@code instance} (the
 * request path), and the extension member {@code field} naming the offending field. The reason is also the short
 * word rejection metrics are tagged with; headers such as {@code Retry-After} travel with the problem.
 */
public record Problem(int status, String reason, String title, String detail, String field,
                      Map<String, String> headers) {
    public static final String CONTENT_TYPE = "application/problem+json";
    /** One scheme for every service: a URN, since the types are names, not pages. */
    public static final String TYPE_PREFIX = "urn:newsflow:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A detail is for a person: a bad value it quotes is cut, so 10 KB sent do not come back as 10 KB. */
    public static final int MAX_DETAIL_CHARS = 1_000;

    public Problem {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (detail != null && detail.length() > MAX_DETAIL_CHARS) {
            int end = MAX_DETAIL_CHARS - 1;
            if (Character.isHighSurrogate(detail.charAt(end - 1))) {
                end--;
            }
            detail = detail.substring(0, end) + "\u2026";
        }
    }

    public static Problem of(int status, String reason, String title, String detail, String field) {
        return new Problem(status, reason, title, detail, field, Map.of());
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return new Problem(status, reason, title, detail, field, all);
    }

    public String type() {
        return TYPE_PREFIX + reason;
    }

    /** The problem document; {@code instance} is left out when null (e.g. one line of a batch answer). */
    public ObjectNode toJson(String instance) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type());
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }

    /**
     * Answers the request with this problem: status, headers, {@code application/problem+json} body. The body goes
     * as UTF-8 bytes (JSON's encoding): as a string, the server encoded it as ISO-8859-1 for a type without a
     * charset, and every character beyond it (a cut detail's ellipsis, a quoted non-Latin headline) became "?".
     */
    public void writeTo(Context ctx) {
        headers.forEach(ctx::header);
        ctx.status(status).contentType(CONTENT_TYPE)
                .result(toJson(ctx.path()).toString().getBytes(StandardCharsets.UTF_8));
    }
}
