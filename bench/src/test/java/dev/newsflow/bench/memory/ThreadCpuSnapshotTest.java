package dev.newsflow.bench.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ThreadCpuSnapshotTest {

    @Test
    void parsesUserPlusSystemTimeEvenWhenTheNameHasSpacesAndParentheses() {
        String stat = "4242 (C2 Compiler (x)) S 1 4200 4200 0 -1 1077936192 120 0 0 0 250 50 0 0 20 0 1 0 900 0 0";

        ThreadCpuSnapshot.ThreadTime time = ThreadCpuSnapshot.parse(stat);

        assertThat(time.name()).isEqualTo("C2 Compiler (x)");
        assertThat(time.cpuSeconds()).isEqualTo(3.0);
    }

    @Test
    void tellsThePipelinesThreadsApartByName() {
        assertThat(CpuComponent.of("ingest-http-17")).isEqualTo(CpuComponent.INGEST_HTTP);
        assertThat(CpuComponent.of("syndicate-http-")).isEqualTo(CpuComponent.SYNDICATE_HTTP);
        assertThat(CpuComponent.of("newsflow-enrich")).isEqualTo(CpuComponent.ENRICH_STREAMS);
        assertThat(CpuComponent.of("newsflow-syndic")).isEqualTo(CpuComponent.SYNDICATE_STREAMS);
        assertThat(CpuComponent.of("kafka-producer-")).isEqualTo(CpuComponent.KAFKA_CLIENTS);
        assertThat(CpuComponent.of("data-plane-kafk")).isEqualTo(CpuComponent.BROKER);
        assertThat(CpuComponent.of("kafka-0-raft-io")).isEqualTo(CpuComponent.BROKER);
        assertThat(CpuComponent.of("C2 CompilerThre")).isEqualTo(CpuComponent.JIT);
        assertThat(CpuComponent.of("GC Thread#1")).isEqualTo(CpuComponent.GC_AND_VM);
        assertThat(CpuComponent.of("rocksdb:low")).isEqualTo(CpuComponent.ROCKSDB);
        assertThat(CpuComponent.of("main")).isEqualTo(CpuComponent.OTHER);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void countsOnlyTheCpuSpentBetweenTwoSnapshotsUnderTheThreadsCurrentName() throws Exception {
        long pid = ProcessHandle.current().pid();
        AtomicReference<Map<CpuComponent, Double>> used = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            spinForCpu();  // before the first snapshot: must not be counted
            ThreadCpuSnapshot before = ThreadCpuSnapshot.of(pid);
            Thread.currentThread().setName("syndicate-http-test");
            spinForCpu();
            used.set(ThreadCpuSnapshot.of(pid).since(before));
        }, "ingest-http-test");
        worker.start();
        worker.join();

        // 0.2 s spun between the snapshots; /proc counts in 10 ms ticks, and the snapshots cost a little
        assertThat(used.get().get(CpuComponent.SYNDICATE_HTTP)).isBetween(0.15, 0.35);
        assertThat(used.get()).doesNotContainKey(CpuComponent.INGEST_HTTP);
        assertThat(used.get().values()).allMatch(seconds -> seconds >= 0);
    }

    /** Burns ~0.2 s of CPU (measured by the thread's own CPU clock, not by waiting). */
    private static void spinForCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - start < 200_000_000L) {
            sink += Long.numberOfTrailingZeros(sink + System.nanoTime());
        }
        assertThat(sink).isNotNegative();
    }
}
