package dev.newsflow.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapHistogramTest {

    @Test
    void readsTheLiveHeapAndTheLargestClassesFromJcmdsHistogram() {
        String histogram = """
                12345:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:         10000        4000000  [B (java.base@17.0.15)
                   2:           200        1000000  com.hankcs.algorithm.AhoCorasickDoubleArrayTrie
                   3:            50          20000  dev.newsflow.syndicate.state.FeedItem
                   4:            10           5000  kafka.server.BrokerServer
                   5:            30           3000  org.apache.kafka.streams.processor.internals.StreamTask
                   6:            40           4000  org.apache.kafka.clients.consumer.KafkaConsumer
                Total         10330        5032000
                """;
        HeapHistogram heap = HeapHistogram.parse(histogram);
        assertThat(heap.liveBytes()).isEqualTo(5_032_000);
        assertThat(heap.largestClasses()).hasSize(6).first()
                .isEqualTo(new HeapHistogram.ClassRow("[B", 10_000, 4_000_000));
    }

    @Test
    void samplesThisProcessesResidentSetFromProc() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcessMemorySampler.supported(), "needs Linux /proc");
        try (ProcessMemorySampler sampler = ProcessMemorySampler.start(ProcessHandle.current().pid(),
                java.time.Duration.ofMillis(10))) {
            assertThat(sampler.peakRssBytes()).isGreaterThan(10L * 1024 * 1024);
            long current = sampler.currentRssBytes();
            // the high-water mark, read later, can only have grown past what was resident before
            assertThat(sampler.highWaterMarkBytes()).isGreaterThanOrEqualTo(current);
        }
    }
}
