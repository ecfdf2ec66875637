package dev.newsflow.bench.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @Test
    void theReportNamesEachWarmUpRunApartFromTheMeasuredTable() {
        WrkResult cold = new WrkResult(33_076, 1e6, 99_228, 0.74, 7.5, 0, 0);
        WrkResult warm = new WrkResult(67_490, 1e6, 202_470, 0.41, 5.0, 0, 0);
        FeedsOptions options = FeedsOptions.smoke(List.of(URI.create("http://127.0.0.1:1/feeds/p/all.rss")), null)
                .withWarmup(Duration.ofSeconds(2));
        FeedsReport report = new FeedsReport(options,
                List.of(new FeedsReport.Warmup("p-all.rss", FeedsBenchmark.Response.NOT_MODIFIED_304, cold)),
                List.of(new FeedsReport.Measurement("p-all.rss", 1_000, "application/rss+xml",
                        FeedsBenchmark.Response.NOT_MODIFIED_304, 0, warm, warm, Double.NaN, Double.NaN)));
        assertThat(report.toText())
                .contains("Warm-up before the measured runs, not in the table: 2 s", "p-all.rss 304 33,076 req/s.")
                .contains("| 67,490.0"); // the table holds the measured run only
        assertThat(new FeedsReport(options.withWarmup(Duration.ZERO), List.of(), report.measurements()).toText())
                .doesNotContain("Warm-up");
    }
}
