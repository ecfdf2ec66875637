package dev.newsflow.bench.feeds;

import java.time.Duration;

/**
 * The CPU time (user and system) a server has used so far, read from the operating system. With wrk on the same
 * cores, requests per second move with whatever else the machine does; the CPU a server spends per answer moves
 * far less, so the feeds benchmark reports both.
 */
final class ProcessCpu {
    private ProcessCpu() {
    }

    /** The CPU time of {@code process} alone: a JVM that starts wrk must not count wrk's CPU as its own. */
    static Duration of(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The CPU time of {@code process} and the processes it started (nginx's master and its workers). */
    static Duration withDescendants(ProcessHandle process) {
        return process.descendants().map(ProcessCpu::of).reduce(of(process), Duration::plus);
    }
}
