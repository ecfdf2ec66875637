package dev.newsflow.bench.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples a process's resident set size from {@code /proc/<pid>/status} (Linux) while a load runs:
 * the peak of the samples is the "peak RSS under load"; {@code VmHWM} is the kernel's own
 * high-water mark since the process started (start-up included).
 */
public final class ProcessMemorySampler implements AutoCloseable {
    private final long pid;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong peakRss = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final Thread thread;

    private ProcessMemorySampler(long pid, Duration interval) {
        this.pid = pid;
        this.interval = interval;
        sample();
        thread = new Thread(this::loop, "bench-rss-sampler-" + pid);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts sampling; fails at once if the process's status cannot be read. */
    public static ProcessMemorySampler start(long pid, Duration interval) {
        if (!Files.isReadable(statusFile(pid))) {
            throw new IllegalArgumentException("cannot read " + statusFile(pid) + ": no such process, or not Linux");
        }
        return new ProcessMemorySampler(pid, interval);
    }

    public static boolean supported() {
        return Files.isReadable(statusFile(ProcessHandle.current().pid()));
    }

    private void loop() {
        while (running.get()) {
            sample();
            LockSupport.parkNanos(interval.toNanos());
        }
    }

    private void sample() {
        long rss = readStatusKb(pid, "VmRSS:");
        if (rss > 0) {
            peakRss.accumulateAndGet(rss * 1024, Math::max);
            samples.incrementAndGet();
        }
    }

    /** The largest RSS sampled, in bytes. */
    public long peakRssBytes() {
        return peakRss.get();
    }

    /** The kernel's RSS high-water mark (VmHWM) in bytes, or -1 if unreadable. */
    public long highWaterMarkBytes() {
        long kb = readStatusKb(pid, "VmHWM:");
        return kb < 0 ? -1 : kb * 1024;
    }

    public long currentRssBytes() {
        long kb = readStatusKb(pid, "VmRSS:");
        return kb < 0 ? -1 : kb * 1024;
    }

    public long samples() {
        return samples.get();
    }

    public long pid() {
        return pid;
    }

    /** A field of /proc/<pid>/status in kB, or -1 when missing or unreadable. */
    static long readStatusKb(long pid, String field) {
        try {
            for (String line : Files.readAllLines(statusFile(pid))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static Path statusFile(long pid) {
        return Path.of("/proc", Long.toString(pid), "status");
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join(5_000);
    }
}
