package dev.newsflow.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.bench.jmx.ProcessJmx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadAllocationSnapshotTest {
    private static final int MIB = 1 << 20;

    @Test
    void countsOnlyTheHeapAllocatedBetweenTwoSnapshotsUnderTheThreadsCurrentName() throws Exception {
        AtomicReference<Map<CpuComponent, Double>> allocated = new AtomicReference<>();
        try (ProcessJmx jmx = ProcessJmx.open(ProcessHandle.current().pid()).orElseThrow()) {
            Thread worker = new Thread(() -> {
                List<byte[]> kept = allocate(8);  // before the first snapshot: must not be counted
                ThreadAllocationSnapshot before = ThreadAllocationSnapshot.of(jmx);
                Thread.currentThread().setName("syndicate-http-test");
                kept.addAll(allocate(16));
                allocated.set(ThreadAllocationSnapshot.of(jmx).since(before));
                assertThat(kept).hasSize(24);
            }, "ingest-http-test");
            worker.start();
            worker.join();
        }
        // 16 MiB of arrays between the snapshots, plus what the second reading itself allocates on the thread
        assertThat(allocated.get().get(CpuComponent.SYNDICATE_HTTP)).isBetween(16.0 * MIB, 20.0 * MIB);
        assertThat(allocated.get()).doesNotContainKey(CpuComponent.INGEST_HTTP);
        assertThat(allocated.get().values()).allMatch(bytes -> bytes >= 0);
    }

    @Test
    void aThreadStartedBetweenTheSnapshotsCountsFromZeroAndAnEndedOneIsNotSeen() {
        ThreadAllocationSnapshot before = new ThreadAllocationSnapshot(Map.of(
                1L, new ThreadAllocationSnapshot.ThreadBytes("ingest-http-1", 1_000),
                2L, new ThreadAllocationSnapshot.ThreadBytes("kafka-producer-network-thread", 5_000),
                3L, new ThreadAllocationSnapshot.ThreadBytes("ingest-http-3", 9_000)));
        ThreadAllocationSnapshot after = new ThreadAllocationSnapshot(Map.of(
                1L, new ThreadAllocationSnapshot.ThreadBytes("ingest-http-1", 4_000),
                3L, new ThreadAllocationSnapshot.ThreadBytes("syndicate-http-9", 700),  // id given to a new thread
                4L, new ThreadAllocationSnapshot.ThreadBytes("newsflow-enrich-StreamThread-1", 2_500)));

        Map<CpuComponent, Double> since = after.since(before);

        assertThat(since).containsExactly(Map.entry(CpuComponent.INGEST_HTTP, 3_000.0),
                Map.entry(CpuComponent.ENRICH_STREAMS, 2_500.0), Map.entry(CpuComponent.SYNDICATE_HTTP, 700.0));
    }

    private static List<byte[]> allocate(int mebibytes) {
        List<byte[]> arrays = new ArrayList<>();
        for (int i = 0; i < mebibytes; i++) {
            arrays.add(new byte[MIB]);
        }
        return arrays;
    }
}
