package dev.newsflow.syndicate.http;

import dev.newsflow.syndicate.render.FeedFormat;
import dev.newsflow.syndicate.render.Rendered;

/**
 * The answer to a feed request: 304 when the client's copy is current, else 200 with the cached bytes,
 * gzip-compressed when the client accepts it and the document is big enough to gain.
 */
record FeedAnswer(FeedFormat format, Rendered rendered, boolean notModified, boolean gzip) {
    static final String CACHE_CONTROL = "private, no-cache";
    static final String VARY = "Authorization, Accept-Encoding";

    int status() {
        return notModified ? 304 : 200;
    }

    byte[] body() {
        return gzip ? rendered.gzipped() : rendered.body();
    }

    String contentType() {
        return format.renderer().contentType();
    }
}
