package dev.newsflow.syndicate.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {
    @Test
    void gzipIsSentOnlyWhenTheClientAcceptsIt() {
        assertThat(FeedResponder.acceptsGzip("gzip")).isTrue();
        assertThat(FeedResponder.acceptsGzip("br, GZIP;q=0.5")).isTrue();
        assertThat(FeedResponder.acceptsGzip("*")).isTrue();
        assertThat(FeedResponder.acceptsGzip(null)).isFalse();
        assertThat(FeedResponder.acceptsGzip("identity")).isFalse();
        assertThat(FeedResponder.acceptsGzip("br, deflate")).isFalse();
        assertThat(FeedResponder.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(FeedResponder.acceptsGzip("gzip; q=0.0")).isFalse();
        assertThat(FeedResponder.acceptsGzip("x-gzip")).isFalse();
    }
}
