package dev.newsflow.syndicate.http;

/**
 * What a feed request says, read from whichever HTTP layer received it (Javalin's route or the Jetty
 * handler that answers cached feeds on the connection's thread), so that both answer alike.
 *
 * @param partnerId       the path's partner segment
 * @param file            the path's last segment, e.g. {@code all.rss}
 * @param headerToken     the bearer token of the Authorization header, or null
 * @param queryToken      the {@code token} query parameter, or null
 * @param cursor          the {@code before} query parameter, or null
 * @param ifNoneMatch     the If-None-Match header, or null
 * @param ifModifiedSince the If-Modified-Since header, or null
 * @param acceptEncoding  the Accept-Encoding header, or null
 */
record FeedRequest(String partnerId, String file, String headerToken, String queryToken, String cursor,
                   String ifNoneMatch, String ifModifiedSince, String acceptEncoding) {

    /** The bearer token of an Authorization header value, or null. */
    static String bearer(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
