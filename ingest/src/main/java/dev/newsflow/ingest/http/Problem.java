package dev.newsflow.ingest.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, plus the
 * extension member {@code field} naming the offending field, and {@code reason}, the short word
 * the rejection metrics are tagged with.
 */
public record Problem(int status, String reason, String title, String detail, String field, Map<String, String> headers) {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:newsflow:problem:";

    public Problem {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static Problem of(int status, String reason, String title, String detail, String field) {
        return new Problem(status, reason, title, detail, field, Map.of());
    }

    public Problem withHeader(String name, String value) {
        var all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return new Problem(status, reason, title, detail, field, all);
    }

    public ObjectNode toJson(ObjectMapper json, String instance) {
        ObjectNode body = json.createObjectNode();
        body.put("type", TYPE_PREFIX + reason);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (field != null) {
            body.put("field", field);
        }
        return body;
    }
}
