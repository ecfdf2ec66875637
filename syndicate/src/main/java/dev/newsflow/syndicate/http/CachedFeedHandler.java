package dev.newsflow.syndicate.http;

import dev.newsflow.syndicate.render.QueryValues;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * Sits in front of Javalin and answers, on the connection's own thread, the feed requests whose page and
 * rendering are already in memory: a partner polling an unchanged feed (304) or fetching its cached bytes
 * (200). Jetty runs a non-blocking handler where the request was parsed; handing a request to a pool thread
 * (what every servlet request costs) took more CPU than the rest of a 304 did. Everything else (other
 * routes, feeds to read from the stores or render, refusals) goes to a request thread and through Javalin,
 * as before; so nothing blocking or slow ever runs on a connection's thread.
 */
final class CachedFeedHandler extends Handler.Wrapper {
    private static final String PREFIX = "/feeds/";

    private final FeedResponder responder;
    private final FeedRequestMetrics metrics;

    CachedFeedHandler(FeedResponder responder, FeedRequestMetrics metrics) {
        this.responder = responder;
        this.metrics = metrics;
    }

    /**
     * Header lines cached per connection on the feed listener: Jetty's default. The services' listeners keep none
     * ({@code ServiceEndpoints}: ~100 KB per keep-alive connection), but here parsing is a measurable part of a
     * 304 (~13 µs of CPU in all; without the cache a poller's eight header lines cost 0.5 µs more, a browser's
     * 1.0 µs; {@code HeaderParsingBenchmark}), and partners poll over few connections.
     */
    static final int FEED_HEADER_CACHE_ENTRIES = 1024;

    /**
     * The listener, with one selector thread per core: this handler answers on the selector threads, and
     * Jetty's default (one selector per two cores) would hold those answers to half the machine.
     */
    static ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        int selectors = Math.max(1, Runtime.getRuntime().availableProcessors());
        HttpConfiguration feeds = new HttpConfiguration(http);
        feeds.setHeaderCacheSize(FEED_HEADER_CACHE_ENTRIES);
        ServerConnector connector = new ServerConnector(server, -1, selectors, new HttpConnectionFactory(feeds));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        Optional<FeedAnswer> answer = HttpMethod.GET.is(request.getMethod())
                ? feedRequest(request).flatMap(this::fromCache) : Optional.empty();
        if (answer.isEmpty()) {
            request.getComponents().getExecutor().execute(() -> handleOnRequestThread(request, response, callback));
            return true;
        }
        write(answer.get(), response, callback);
        metrics.recordFromMemory(answer.get().format(), answer.get().notModified(), started);
        return true;
    }

    private Optional<FeedAnswer> fromCache(FeedRequest feedRequest) {
        try {
            return responder.answerFromCache(feedRequest);
        } catch (RuntimeException refusedOrFailed) {
            // one path words refusals and failures: the request thread's, through Javalin's problem mapping
            return Optional.empty();
        }
    }

    private void handleOnRequestThread(Request request, Response response, Callback callback) {
        try {
            if (!super.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }

    /** The request as a {@link FeedRequest} when its path is {@code /feeds/{partner}/{file}}, else empty. */
    static Optional<FeedRequest> feedRequest(Request request) {
        String path = request.getHttpURI().getDecodedPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int slash = path.indexOf('/', PREFIX.length());
        if (slash <= PREFIX.length() || slash == path.length() - 1 || path.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        HttpFields headers = request.getHeaders();
        String query = request.getHttpURI().getQuery();
        return Optional.of(new FeedRequest(path.substring(PREFIX.length(), slash), path.substring(slash + 1),
                FeedRequest.bearer(headers.get(HttpHeader.AUTHORIZATION)),
                queryParameter(query, "token"), queryParameter(query, "before"),
                headers.get(HttpHeader.IF_NONE_MATCH), headers.get(HttpHeader.IF_MODIFIED_SINCE),
                headers.get(HttpHeader.ACCEPT_ENCODING)));
    }

    /**
     * The first value of a query parameter, decoded, or null; the two names a feed request reads, without
     * building a map of every parameter (that was a tenth of an answer's cost).
     */
    static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end - start > name.length() && query.charAt(start + name.length()) == '='
                    && query.startsWith(name, start)) {
                try {
                    return QueryValues.decode(query.substring(start + name.length() + 1, end));
                } catch (IllegalArgumentException malformed) {
                    return null;
                }
            } else if (end - start == name.length() && query.startsWith(name, start)) {
                return "";
            }
            start = end + 1;
        }
        return null;
    }

    private static void write(FeedAnswer answer, Response response, Callback callback) {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.ETAG, answer.rendered().etag());
        headers.put(HttpHeader.LAST_MODIFIED, answer.rendered().lastModifiedHeader());
        headers.put(HttpHeader.CACHE_CONTROL, FeedAnswer.CACHE_CONTROL);
        headers.put(HttpHeader.VARY, FeedAnswer.VARY);
        if (answer.notModified()) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        byte[] body = answer.body();
        response.setStatus(200);
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        if (answer.gzip()) {
            headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
