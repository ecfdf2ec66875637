package dev.newsflow.bench.jmh;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the benchmark thread, in ns. Per operation (÷ the score) it stays a fair figure when other processes or
 * the host take the cores and the wall-clock score swings (this machine is shared): it is what "per core" means.
 * Reading the thread's clock costs ~1.5 µs on this VM (two reads per call), against hundreds for most operations
 * timed with it; it dominates an operation of a few microseconds (FeedPageReadBenchmark.partnerLookup).
 */
@AuxCounters(AuxCounters.Type.OPERATIONS)
@State(Scope.Thread)
public class CpuCounter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public long cpuNanos;

    /** The thread's CPU clock now, to pass to {@link #stop(long)}. */
    static long start() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void stop(long started) {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - started;
    }
}
