package dev.newsflow.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrSummaryTest {

    /** Keeps a core busy in a method of its own, so it shows in the samples. */
    static long busyHashing(long until) {
        long hash = 17;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                hash = hash * 31 + Long.toString(hash ^ i).hashCode();
            }
        }
        return hash;
    }

    @Test
    void countsExecutionSamplesByThreadAndMethod(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.jfr");
        long[] sink = new long[1];
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            Thread worker = new Thread(() -> sink[0] = busyHashing(System.nanoTime() + Duration.ofMillis(700).toNanos()),
                    "bench-busy-worker");
            worker.start();
            worker.join();
            recording.stop();
            recording.dump(file);
        }

        JfrSummary summary = JfrSummary.read(file);

        assertThat(summary.samples()).isPositive();
        assertThat(summary.byThreadGroup()).containsKey("bench load generator (watchers)");
        assertThat(summary.newsflowInclusive()).containsKey("d.n.b.p.JfrSummaryTest.busyHashing");
        assertThat(summary.toText(5)).contains("execution samples", "hottest methods (self)");
        assertThat(sink[0]).isNotZero();
    }
}
