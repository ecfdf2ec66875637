package dev.newsflow.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderParsingBenchmarkTest {
    @Test
    void everyRequestIsParsedWholeWithOrWithoutTheCacheSoBothMeasureTheSameWork() {
        for (HeaderParsingBenchmark.Client client : HeaderParsingBenchmark.Client.values()) {
            long[] perRequest = new long[2];
            int[] sizes = {1024, 0};
            for (int i = 0; i < sizes.length; i++) {
                HeaderParsingBenchmark benchmark = new HeaderParsingBenchmark();
                benchmark.client = client;
                benchmark.headerCacheSize = sizes[i];
                benchmark.setUp();
                long first = benchmark.parseRequest();
                long second = benchmark.parseRequest();
                long third = benchmark.parseRequest();
                assertThat(first).as("%s, cache %d", client, sizes[i]).isPositive();
                assertThat(second - first).as("the same request again, from the cache when kept").isEqualTo(first);
                assertThat(third - second).isEqualTo(first);
                perRequest[i] = first;
            }
            assertThat(perRequest[1]).as("%s: the cache changes nothing that is parsed", client).isEqualTo(perRequest[0]);
        }
    }
}
