package dev.newsflow.syndicate.http;

import dev.newsflow.schema.FeedSubscription;
import dev.newsflow.schema.PartnerSubscription;
import dev.newsflow.syndicate.partner.PartnerTokens;
import dev.newsflow.syndicate.render.FeedAssembler;
import dev.newsflow.syndicate.render.FeedDocument;
import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.RenderCache;
import dev.newsflow.syndicate.state.FeedStateView;
import dev.newsflow.syndicate.state.TimelineKey;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * {@code GET /feeds/{partner}/{feed}.rss|.atom|.json}. A request without a token is 401; a token
 * that is not this partner's (another partner's, a wrong one, a disabled partner) gets the same 404
 * as a feed that does not exist, so nobody learns which partners exist. Answers carry a weak ETag
 * over the bytes and Last-Modified, and 304 on a matching conditional request.
 */
public final class FeedRoutes {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final FeedStateView state;
    private final FeedAssembler assembler;
    private final MeterRegistry metrics;
    // Rendered documents reach ~1 MB each; 256 keeps the hot feed heads and first pages without risking the heap.
    private final RenderCache cache = new RenderCache(256);

    public FeedRoutes(FeedStateView state, FeedAssembler assembler, MeterRegistry metrics) {
        this.state = state;
        this.assembler = assembler;
        this.metrics = metrics;
    }

    public void install(JavalinConfig config) {
        config.routes.get("/feeds/{partner}/{file}", this::serve);
    }

    private void serve(Context ctx) {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        FeedFormat format = dot <= 0 ? null : FeedFormat.byExtension(file.substring(dot + 1)).orElse(null);
        if (format == null) {
            throw ProblemException.notFound("no such feed; feeds end in .rss, .atom or .json");
        }
        String feedId = file.substring(0, dot);
        String headerToken = bearer(ctx);
        String queryToken = ctx.queryParam("token");
        String token = headerToken != null ? headerToken : queryToken;
        if (token == null || token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"newsflow-feeds\"");
            throw new ProblemException(401, "Unauthorized",
                    "a partner token is required (Authorization: Bearer <token> or ?token=)", "Authorization");
        }
        PartnerSubscription partner = state.partners().get(ctx.pathParam("partner"));
        if (partner == null || !partner.getEnabled() || !PartnerTokens.matches(token, partner.getTokenHash())) {
            throw ProblemException.notFound("no such feed");
        }
        FeedSubscription feed = partner.getFeeds().stream().filter(f -> f.getFeedId().equals(feedId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("no such feed"));
        String cursor = ctx.queryParam("before");
        String before = null;
        if (cursor != null) {
            before = TimelineKey.fromCursor(cursor)
                    .orElseThrow(() -> ProblemException.badRequest("before is not a cursor this service issued",
                            "before"));
        }
        // A token given in the URL must stay in the URLs of the document, or its links would not work.
        String extraQuery = headerToken == null ? "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : "";
        FeedDocument document = assembler.assemble(partner, feed, format, before, cursor, extraQuery);
        RenderCache.Rendered rendered = cache.render(format, document);
        byte[] body = rendered.body();
        String etag = rendered.etag();
        Instant lastModified = document.updated().truncatedTo(ChronoUnit.SECONDS);
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", HTTP_DATE.format(ZonedDateTime.ofInstant(lastModified, ZoneOffset.UTC)));
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("Vary", "Authorization, Accept-Encoding");
        if (notModified(ctx, etag, lastModified)) {
            ctx.status(304);
            count(format, 304);
            return;
        }
        ctx.contentType(format.renderer().contentType()).result(body);
        count(format, 200);
    }

    private static boolean notModified(Context ctx, String etag, Instant lastModified) {
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null) {
            String opaque = etag.substring(2);
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::strip)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals(opaque)
                            || (tag.startsWith("W/") && tag.substring(2).equals(opaque)));
        }
        String ifModifiedSince = ctx.header("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), HTTP_DATE).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private void count(FeedFormat format, int status) {
        metrics.counter("newsflow_feed_requests", "format", format.extension(), "status", Integer.toString(status))
                .increment();
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
