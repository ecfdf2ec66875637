package dev.newsflow.platform.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What Jetty refuses before a route sees the request, answered as a problem like every other error: a header too
 * large (431), a URI too long (414), a header line or path that is not HTTP or not UTF-8 (400). Jetty's default is
 * an HTML page, and for methods other than GET, POST and HEAD no body at all.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);

    static Problem problem(int status, String message) {
        String reason = HttpStatus.getMessage(status);
        return Problem.of(status, ProblemMapping.reasonFor(status), reason == null ? "HTTP " + status : reason,
                message == null || message.isBlank() ? reason : message, null);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(CONTENT_TYPE);
        byte[] body = problem(code, message).toJson(request.getHttpURI().getPath()).toString()
                .getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /** Errors of the HTTP parser itself, before there is a request (so no instance). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(CONTENT_TYPE);
        return ByteBuffer.wrap(problem(status, reason).toJson(null).toString().getBytes(StandardCharsets.UTF_8));
    }
}
