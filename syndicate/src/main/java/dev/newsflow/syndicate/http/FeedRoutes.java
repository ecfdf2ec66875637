package dev.newsflow.syndicate.http;

import dev.newsflow.platform.errors.MalformedInputException;
import dev.newsflow.platform.errors.NotFoundException;
import dev.newsflow.platform.http.Problem;
import dev.newsflow.platform.http.ProblemException;
import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.partner.PartnerTokens;
import dev.newsflow.syndicate.render.FeedAssembler;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.RenderCache;
import dev.newsflow.syndicate.render.Rendered;
import dev.newsflow.syndicate.state.FeedStateView;
import dev.newsflow.syndicate.state.TimelineKey;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code GET /feeds/{partner}/{feed}.rss|.atom|.json}. A request without a token is 401; a token
 * that is not this partner's (another partner's, a wrong one, a disabled partner) gets the same 404
 * as a feed that does not exist, so nobody learns which partners exist. Answers carry a weak ETag
 * over the bytes and Last-Modified, and 304 on a matching conditional request.
 */
public final class FeedRoutes {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** Below this, gzip saves too little to be worth a Content-Encoding. */
    private static final int GZIP_MIN_BYTES = 1024;

    private final FeedStateView state;
    private final FeedAssembler assembler;
    private final RenderCache cache;
    private final FeedRequestMetrics requests;

    public FeedRoutes(FeedStateView state, FeedAssembler assembler, RenderCache cache, MeterRegistry metrics) {
        this.state = state;
        this.assembler = assembler;
        this.cache = cache;
        this.requests = new FeedRequestMetrics(metrics);
    }

    public void install(JavalinConfig config) {
        requests.install(config);
        config.routes.get("/feeds/{partner}/{file}", this::serve);
    }

    private void serve(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        FeedFormat format = dot <= 0 ? null : FeedFormat.byExtension(file.substring(dot + 1)).orElse(null);
        if (format == null) {
            throw new NotFoundException("no such feed; feeds end in .rss, .atom or .json");
        }
        String feedId = file.substring(0, dot);
        String headerToken = bearer(ctx);
        String queryToken = ctx.queryParam("token");
        String token = headerToken != null ? headerToken : queryToken;
        if (token == null || token.isEmpty()) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                            "a partner token is required (Authorization: Bearer <token> or ?token=)", "Authorization")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"newsflow-feeds\""));
        }
        PartnerSubscription partner = state.partners().get(ctx.pathParam("partner"));
        if (partner == null || !partner.getEnabled() || !PartnerTokens.matches(token, partner.getTokenHash())) {
            throw new NotFoundException("no such feed");
        }
        FeedSubscription feed = feed(partner, feedId);
        String cursor = ctx.queryParam("before");
        String before = null;
        if (cursor != null) {
            before = TimelineKey.fromCursor(cursor)
                    .orElseThrow(() -> new MalformedInputException("before",
                            "before is not a cursor this service issued"));
        }
        // A token given in the URL must stay in the URLs of the document, or its links would not work.
        String extraQuery = headerToken == null ? "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : "";
        FeedDocument document = assembler.assemble(partner, feed, format, before, cursor, extraQuery);
        Rendered rendered = cache.render(format, document);
        ctx.header("ETag", rendered.etag());
        ctx.header("Last-Modified", rendered.lastModifiedHeader());
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("Vary", "Authorization, Accept-Encoding");
        if (notModified(ctx, rendered)) {
            ctx.status(304);
            return;
        }
        write(ctx, format, rendered);
    }

    /**
     * Writes the cached bytes straight to the response with their length, in one write: no copy through
     * Javalin's result stream and 32 KB buffer, no compression per request (the gzip form is cached).
     */
    private static void write(Context ctx, FeedFormat format, Rendered rendered) throws IOException {
        boolean gzip = rendered.body().length >= GZIP_MIN_BYTES && acceptsGzip(ctx.header("Accept-Encoding"));
        byte[] bytes = gzip ? rendered.gzipped() : rendered.body();
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType(format.renderer().contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** gzip listed in Accept-Encoding and not refused with q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip();
                    if (parameter.startsWith("q=") && isZero(parameter.substring(2))) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static boolean isZero(String quality) {
        try {
            return Double.parseDouble(quality.strip()) == 0.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static FeedSubscription feed(PartnerSubscription partner, String feedId) {
        for (FeedSubscription feed : partner.getFeeds()) {
            if (feed.getFeedId().equals(feedId)) {
                return feed;
            }
        }
        throw new NotFoundException("no such feed");
    }

    private static boolean notModified(Context ctx, Rendered rendered) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            String etag = rendered.etag();
            String opaque = etag.substring(2);
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque)
                        || (tag.startsWith("W/") && tag.regionMatches(2, opaque, 0, opaque.length())
                        && tag.length() == opaque.length() + 2)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), HTTP_DATE).toInstant();
                return !rendered.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    /** The bearer token of the Authorization header, or null. */
    public static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
