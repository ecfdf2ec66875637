package dev.newsflow.bench.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {
    /** Output of wrk 4.1 (Debian) with --latency, numbers written for this test. */
    private static final String OUTPUT = """
            Running 3s test @ http://127.0.0.1:8082/feeds/demo/all.rss
              2 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     4.21ms    2.10ms  41.02ms   88.50%
                Req/Sec     3.90k   412.33     4.61k    70.00%
              Latency Distribution
                 50%    3.80ms
                 75%    4.90ms
                 90%    6.20ms
                 99%   12.40ms
              23310 requests in 3.00s, 1.02GB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 7
            Requests/sec:   7768.42
            Transfer/sec:    348.10MB
            """;

    @Test
    void readsThroughputLatencyAndErrors() {
        WrkResult result = WrkResult.parse(OUTPUT);
        assertThat(result.requestsPerSecond()).isEqualTo(7768.42);
        assertThat(result.requests()).isEqualTo(23310);
        assertThat(result.p50Millis()).isEqualTo(3.80);
        assertThat(result.p99Millis()).isEqualTo(12.40);
        assertThat(result.bytesPerSecond()).isEqualTo(348.10 * 1024 * 1024);
        assertThat(result.non2xx3xx()).isEqualTo(7);
        assertThat(result.socketErrors()).isEqualTo(3);
    }

    @Test
    void microsecondLatenciesAndCleanRunsParse() {
        WrkResult result = WrkResult.parse(OUTPUT.replace("3.80ms", "812.00us").replace("   12.40ms", "    1.20s")
                .replaceAll("(?m)^.*(Socket errors|Non-2xx).*\\R", ""));
        assertThat(result.p50Millis()).isEqualTo(0.812, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.p99Millis()).isEqualTo(1200.0);
        assertThat(result.non2xx3xx()).isZero();
        assertThat(result.socketErrors()).isZero();
    }

    @Test
    void aRunThatCompletedNothingHasNoLatency() {
        WrkResult result = WrkResult.parse(OUTPUT.replace("23310 requests", "0 requests"));
        assertThat(result.requests()).isZero();
        assertThat(result.p50Millis()).isNaN();
        assertThat(result.p99Millis()).isNaN();
    }

    @Test
    void outputWithoutAResultIsAnError() {
        assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:1 Connection refused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Requests/sec");
    }
}
