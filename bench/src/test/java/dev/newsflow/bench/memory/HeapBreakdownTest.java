package dev.newsflow.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapBreakdownTest {

    @Test
    void groupsAClassHistogramByPartOfTheSystem() {
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
        HeapBreakdown heap = HeapBreakdown.parse(histogram);
        assertThat(heap.liveBytes()).isEqualTo(5_032_000);
        assertThat(heap.bytesByPart()).containsEntry(HeapBreakdown.SHARED, 4_000_000L)
                .containsEntry("enrich (incl. knowledge base)", 1_000_000L)
                .containsEntry("syndicate", 20_000L)
                .containsEntry("Kafka broker + controller", 5_000L)
                .containsEntry("Kafka Streams + RocksDB (Java side)", 3_000L)
                .containsEntry("Kafka clients", 4_000L);
        assertThat(heap.largestClasses()).hasSize(6).first()
                .isEqualTo(new HeapBreakdown.ClassRow("[B", 10_000, 4_000_000));
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
