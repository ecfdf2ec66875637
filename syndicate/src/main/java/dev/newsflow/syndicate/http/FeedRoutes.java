package dev.newsflow.syndicate.http;

import dev.newsflow.syndicate.render.FeedAssembler;
import dev.newsflow.syndicate.render.RenderCache;
import dev.newsflow.syndicate.state.FeedStateView;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /feeds/{partner}/{feed}.rss|.atom|.json} ({@link FeedResponder} says how each is answered).
 * Two doors lead to the same answers: {@link CachedFeedHandler} in front of Javalin answers the requests
 * whose page and rendering are cached on the connection's own thread (partners poll far more often than
 * news changes, and a hand-off to a request thread cost more than the rest of a 304); everything else
 * (a feed changed since its last rendering, refusals) comes through Javalin's route here.
 */
public final class FeedRoutes {
    private final FeedResponder responder;
    private final FeedRequestMetrics requests;

    public FeedRoutes(FeedStateView state, FeedAssembler assembler, RenderCache cache, MeterRegistry metrics) {
        this.responder = new FeedResponder(state, assembler, cache);
        this.requests = new FeedRequestMetrics(metrics);
    }

    /** The routes, the handler in front of Javalin, and the listener at host:port (port 0: any free one). */
    public void install(JavalinConfig config, String host, int port) {
        requests.install(config);
        config.jetty.modifyServer(server -> server.setHandler(new CachedFeedHandler(responder, requests)));
        config.jetty.addConnector((server, http) -> CachedFeedHandler.connector(server, http, host, port));
        config.routes.get("/feeds/{partner}/{file}", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        FeedAnswer answer = responder.answer(new FeedRequest(ctx.pathParam("partner"), ctx.pathParam("file"),
                bearer(ctx), ctx.queryParam("token"), ctx.queryParam("before"), ctx.header("If-None-Match"),
                ctx.header("If-Modified-Since"), ctx.header("Accept-Encoding")));
        ctx.header("ETag", answer.rendered().etag());
        ctx.header("Last-Modified", answer.rendered().lastModifiedHeader());
        ctx.header("Cache-Control", FeedAnswer.CACHE_CONTROL);
        ctx.header("Vary", FeedAnswer.VARY);
        if (answer.notModified()) {
            ctx.status(304);
            return;
        }
        // The cached bytes straight to the response with their length, in one write: no copy through
        // Javalin's result stream and 32 KB buffer, no compression per request (the gzip form is cached).
        byte[] bytes = answer.body();
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(answer.contentType());
        if (answer.gzip()) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The bearer token of the Authorization header, or null. */
    public static String bearer(Context ctx) {
        return FeedRequest.bearer(ctx.header("Authorization"));
    }
}
