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
import dev.newsflow.syndicate.render.QueryValues;
import dev.newsflow.syndicate.render.RenderCache;
import dev.newsflow.syndicate.render.Rendered;
import dev.newsflow.syndicate.state.FeedStateView;
import dev.newsflow.syndicate.state.TimelineKey;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Answers feed requests: a request without a token is 401; a token that is not this partner's
 * (another partner's, a wrong one, a disabled partner) gets the same 404 as a feed that does not
 * exist, so nobody learns which partners exist. Answers carry a weak ETag over the bytes and
 * Last-Modified, and 304 on a matching conditional request.
 */
final class FeedResponder {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    /** Below this, gzip saves too little to be worth a Content-Encoding. */
    private static final int GZIP_MIN_BYTES = 1024;

    private final FeedStateView state;
    private final FeedAssembler assembler;
    private final RenderCache cache;

    FeedResponder(FeedStateView state, FeedAssembler assembler, RenderCache cache) {
        this.state = state;
        this.assembler = assembler;
        this.cache = cache;
    }

    /** The answer, reading the stores and rendering as needed; refusals are thrown as problems. */
    FeedAnswer answer(FeedRequest request) {
        Resolved resolved = resolve(request);
        FeedDocument document = assembler.assemble(resolved.partner(), resolved.feed(), resolved.format(),
                resolved.before(), request.cursor(), resolved.extraQuery());
        return answer(request, resolved.format(), cache.render(resolved.format(), document));
    }

    /**
     * The answer when everything it needs is in memory for the current state: an accepted request for a
     * page and rendering already cached; else empty, having read no store and rendered nothing. Refusals
     * are thrown as by {@link #answer}.
     */
    Optional<FeedAnswer> answerFromCache(FeedRequest request) {
        Resolved resolved = resolve(request);
        return assembler.assembleIfCached(resolved.partner(), resolved.feed(), resolved.format(), resolved.before(),
                        request.cursor(), resolved.extraQuery())
                .flatMap(document -> cache.cached(resolved.format(), document))
                .map(rendered -> answer(request, resolved.format(), rendered));
    }

    private record Resolved(PartnerSubscription partner, FeedSubscription feed, FeedFormat format, String before,
                            String extraQuery) {
    }

    private Resolved resolve(FeedRequest request) {
        String file = request.file();
        int dot = file.lastIndexOf('.');
        FeedFormat format = dot <= 0 ? null : FeedFormat.byExtension(file.substring(dot + 1)).orElse(null);
        if (format == null) {
            throw new NotFoundException("no such feed; feeds end in .rss, .atom or .json");
        }
        String feedId = file.substring(0, dot);
        String token = request.headerToken() != null ? request.headerToken() : request.queryToken();
        if (token == null || token.isEmpty()) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                            "a partner token is required (Authorization: Bearer <token> or ?token=)", "Authorization")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"newsflow-feeds\""));
        }
        PartnerSubscription partner = state.partners().get(request.partnerId());
        if (partner == null || !partner.getEnabled() || !PartnerTokens.matches(token, partner.getTokenHash())) {
            throw new NotFoundException("no such feed");
        }
        FeedSubscription feed = feed(partner, feedId);
        String before = null;
        if (request.cursor() != null) {
            before = TimelineKey.fromCursor(request.cursor())
                    .orElseThrow(() -> new MalformedInputException("before",
                            "before is not a cursor this service issued"));
        }
        // A token given in the URL must stay in the URLs of the document, or its links would not work.
        String extraQuery = request.headerToken() == null
                ? "token=" + QueryValues.encode(token) : "";
        return new Resolved(partner, feed, format, before, extraQuery);
    }

    private static FeedAnswer answer(FeedRequest request, FeedFormat format, Rendered rendered) {
        boolean notModified = notModified(request, rendered);
        boolean gzip = !notModified && rendered.body().length >= GZIP_MIN_BYTES
                && acceptsGzip(request.acceptEncoding());
        return new FeedAnswer(format, rendered, notModified, gzip);
    }

    private static FeedSubscription feed(PartnerSubscription partner, String feedId) {
        for (FeedSubscription feed : partner.getFeeds()) {
            if (feed.getFeedId().equals(feedId)) {
                return feed;
            }
        }
        throw new NotFoundException("no such feed");
    }

    private static boolean notModified(FeedRequest request, Rendered rendered) {
        String ifNoneMatch = request.ifNoneMatch();
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
        String ifModifiedSince = request.ifModifiedSince();
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
}
