package dev.newsflow.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the API (a header too large: 431, a URI too long: 414, bytes that
 * are not UTF-8 or not HTTP: 400) in Confluent's error JSON, as the API's own errors are: Confluent's clients read
 * every non-2xx body as {@code {"error_code": int, "message": str}}, and Jetty's default is an HTML page.
 */
final class ConfluentErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, RegistryHttpApi.V1_JSON);

    static byte[] body(int status, String message) {
        return JSON.createObjectNode().put("error_code", status)
                .put("message", message == null || message.isBlank() ? "HTTP " + status : message)
                .toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Jetty writes an error body for GET, POST and HEAD only; every method here gets one. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** Errors of the HTTP parser itself, answered before there is a request. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(CONTENT_TYPE);
        return ByteBuffer.wrap(body(status, reason));
    }
}
