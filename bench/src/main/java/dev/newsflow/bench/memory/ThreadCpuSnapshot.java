package dev.newsflow.bench.memory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU time every thread of a process has used so far, read from {@code /proc/<pid>/task/<tid>/stat}
 * (Linux; user + system time). Two snapshots around a load run give the CPU the pipeline spent on it,
 * by component ({@link CpuComponent}): unlike throughput, that figure barely moves when other work shares the
 * machine, which is why the report carries it next to the rates.
 */
public final class ThreadCpuSnapshot {
    /** Clock ticks per second of /proc's time fields; 100 on every Linux this runs on (USER_HZ). */
    static final double TICKS_PER_SECOND = 100.0;

    private final Map<Long, ThreadTime> byThreadId;

    private ThreadCpuSnapshot(Map<Long, ThreadTime> byThreadId) {
        this.byThreadId = byThreadId;
    }

    /** One thread: its name as the kernel keeps it (at most 15 characters) and its CPU seconds. */
    record ThreadTime(String name, double cpuSeconds) {
    }

    public static boolean supported(long pid) {
        return Files.isDirectory(tasks(pid));
    }

    public static ThreadCpuSnapshot of(long pid) {
        Map<Long, ThreadTime> threads = new HashMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks(pid))) {
            for (Path task : dir) {
                try {
                    ThreadTime time = parse(Files.readString(task.resolve("stat")));
                    threads.put(Long.parseLong(task.getFileName().toString()), time);
                } catch (NoSuchFileException ended) {
                    // the thread ended between listing and reading: its time is lost to both snapshots alike
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the threads of process " + pid + ": " + e, e);
        }
        return new ThreadCpuSnapshot(threads);
    }

    /** Parses one stat line; the name sits in parentheses and may itself contain spaces or parentheses. */
    static ThreadTime parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        String[] fields = stat.substring(close + 2).trim().split(" ");
        // after the name: state(0) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(11) stime(12)
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return new ThreadTime(name, ticks / TICKS_PER_SECOND);
    }

    /**
     * CPU seconds used between {@code earlier} and this snapshot, by component, largest first
     * ({@link ThreadTotals#sinceByComponent}).
     */
    public Map<CpuComponent, Double> since(ThreadCpuSnapshot earlier) {
        return ThreadTotals.sinceByComponent(byThreadId, earlier.byThreadId, ThreadTime::name, ThreadTime::cpuSeconds);
    }

    private static Path tasks(long pid) {
        return Path.of("/proc", Long.toString(pid), "task");
    }
}
