package dev.newsflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeedWatcherTest {

    @Test
    void readsTheArticleIdFromTheSyndicatorsGuid() {
        assertThat(FeedWatcher.articleId("urn:newsflow:article:demo-g-0123abcd")).isEqualTo("demo-g-0123abcd");
        assertThat(FeedWatcher.articleId("urn:newsflow:article:a%2Fb")).isEqualTo("a/b");
        assertThat(FeedWatcher.articleId("https://example.org/story")).isNull();
    }

    @Test
    void latencySummaryReportsMillisecondsFromNanoseconds() {
        org.HdrHistogram.Histogram histogram = LatencySummary.newHistogram();
        for (int i = 1; i <= 100; i++) {
            LatencySummary.record(histogram, i * 1_000_000L);
        }
        LatencySummary summary = LatencySummary.of(histogram);
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isBetween(49.9, 50.1);
        assertThat(summary.p99()).isBetween(98.9, 99.1);
        assertThat(summary.max()).isBetween(99.9, 100.1);
    }
}
