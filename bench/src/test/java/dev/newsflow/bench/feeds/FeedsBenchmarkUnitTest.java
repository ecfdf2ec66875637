package dev.newsflow.bench.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeedsBenchmarkUnitTest {

    @Test
    void copiesAreNamedByPartnerAndFeedWithoutTheToken() {
        assertThat(FeedsBenchmark.fileName(URI.create("http://127.0.0.1:8082/feeds/demo/all.rss?token=abc")))
                .isEqualTo("demo-all.rss");
    }

    @Test
    void onlyLoopbackTargetsAreLoaded() {
        assertThat(Wrk.isLoopback(URI.create("http://127.0.0.1:1/x"))).isTrue();
        assertThat(Wrk.isLoopback(URI.create("http://localhost:1/x"))).isTrue();
        assertThat(Wrk.isLoopback(URI.create("http://[::1]:1/x"))).isTrue();
        assertThat(Wrk.isLoopback(URI.create("http://10.0.0.5:1/x"))).isFalse();
        assertThat(Wrk.isLoopback(URI.create("http://example.org/x"))).isFalse();
    }

    @Test
    void nginxConfigurationListensOnLoopbackOnlyAndKeepsEverythingInItsPrefix() {
        String config = NginxServer.config(Path.of("/p"), Path.of("/p/htdocs"), 4321, 2);
        assertThat(config).contains("listen 127.0.0.1:4321;", "root /p/htdocs;", "worker_processes 2;",
                "pid /p/nginx.pid;", "application/rss+xml rss;", "etag on;", "access_log off;");
        assertThat(config).doesNotContain("/var/", "/etc/");
    }
}
