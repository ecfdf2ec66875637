package dev.newsflow.syndicate.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {
    @Test
    void gzipIsSentOnlyWhenTheClientAcceptsIt() {
        assertThat(FeedRoutes.acceptsGzip("gzip")).isTrue();
        assertThat(FeedRoutes.acceptsGzip("br, GZIP;q=0.5")).isTrue();
        assertThat(FeedRoutes.acceptsGzip("*")).isTrue();
        assertThat(FeedRoutes.acceptsGzip(null)).isFalse();
        assertThat(FeedRoutes.acceptsGzip("identity")).isFalse();
        assertThat(FeedRoutes.acceptsGzip("br, deflate")).isFalse();
        assertThat(FeedRoutes.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(FeedRoutes.acceptsGzip("gzip; q=0.0")).isFalse();
        assertThat(FeedRoutes.acceptsGzip("x-gzip")).isFalse();
    }
}
