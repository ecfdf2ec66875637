package dev.newsflow.syndicate.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** Writes RFC 9457 problem documents. */
public final class Problems {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Problems() {
    }

    public static void write(Context ctx, ProblemException problem) {
        write(ctx, problem.status(), problem.title(), problem.getMessage(), problem.field());
    }

    public static void write(Context ctx, int status, String title, String detail, String field) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (field != null) {
            body.put("field", field);
        }
        body.put("instance", ctx.path());
        ctx.status(status).contentType(CONTENT_TYPE).result(body.toString());
    }
}
