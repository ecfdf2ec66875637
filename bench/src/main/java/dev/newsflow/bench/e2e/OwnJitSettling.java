package dev.newsflow.bench.e2e;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits, before a measured run, until the load generator's own JIT compiler has been idle for a moment. Each run
 * first generates its corpus (dated at the run's start, so it cannot be made earlier), and the compilations that
 * triggered went on for seconds after the first POSTs, taking a third to half of a core from the pipeline it
 * shares the machine with: the first run after the warm-up began with a lag the pipeline could not drain
 * (BENCHMARKS.md, issue 20).
 */
final class OwnJitSettling {
    private static final Duration CHECK = Duration.ofMillis(100);

    private OwnJitSettling() {
    }

    /**
     * Returns once no compilation time was added for {@code quiet}, or after {@code atMost}; how long it waited.
     * Returns at once when the JVM does not report compilation time.
     */
    static Duration await(Duration quiet, Duration atMost) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return Duration.ZERO;
        }
        long deadline = start + atMost.toNanos();
        long last = compiler.getTotalCompilationTime();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(CHECK.toNanos());
            long now = compiler.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
