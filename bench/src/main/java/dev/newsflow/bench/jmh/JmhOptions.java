package dev.newsflow.bench.jmh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to run of the JMH suite and how long. Each fork is one run: the report gives the median
 * and min–max over forks.
 *
 * @param include regular expression over benchmark names (e.g. {@code "Enrichment"}; {@code ".*"} for all)
 * @param lengths article lengths (SHORT, MEDIUM, LONG) to run the length-parameterised benchmarks with;
 *                empty = each benchmark's own defaults
 * @param jvmArgs extra arguments for the forked JVMs (e.g. JFR: {@code -XX:StartFlightRecording=...})
 * @param progressLog where JMH writes its progress; null = nowhere (library code does not print)
 * @param params other benchmark parameters to override, e.g. {@code format -> [JSON]}
 */
public record JmhOptions(String include, int forks, int warmupIterations, Duration warmupTime,
                         int measurementIterations, Duration measurementTime, List<String> lengths,
                         List<String> jvmArgs, Path progressLog, java.util.Map<String, List<String>> params) {

    public JmhOptions {
        Objects.requireNonNull(include, "include");
        if (forks < 0 || warmupIterations < 0 || measurementIterations < 1) {
            throw new IllegalArgumentException("forks and warm-up iterations >= 0, measurement iterations >= 1");
        }
        lengths = List.copyOf(lengths);
        jvmArgs = List.copyOf(jvmArgs);
        params = java.util.Map.copyOf(params);
    }

    /**
     * The BENCHMARKS.md profile: 3 forks (3 runs), 1 × 1 s warm-up, 2 × 1 s measurement each (~3 min for all,
     * so that the whole benchmark script stays under 10 minutes; the spread over forks shows what that costs).
     */
    public static JmhOptions standard() {
        return new JmhOptions(".*", 3, 1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), List.of(), List.of(), null, java.util.Map.of());
    }

    /**
     * A check that every benchmark runs (for {@code mvn verify}), not a measurement: in this JVM,
     * no warm-up, one 100 ms iteration, short articles only.
     */
    public static JmhOptions smoke() {
        return new JmhOptions(".*", 0, 0, Duration.ofMillis(100), 1, Duration.ofMillis(100), List.of("SHORT"),
                List.of(), null, java.util.Map.of());
    }

    public JmhOptions withInclude(String pattern) {
        return new JmhOptions(pattern, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                lengths, jvmArgs, progressLog, params);
    }

    public JmhOptions withForks(int count) {
        return new JmhOptions(include, count, warmupIterations, warmupTime, measurementIterations, measurementTime,
                lengths, jvmArgs, progressLog, params);
    }

    public JmhOptions withLengths(List<String> values) {
        return new JmhOptions(include, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                values, jvmArgs, progressLog, params);
    }

    public JmhOptions withJvmArgs(List<String> values) {
        return new JmhOptions(include, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                lengths, values, progressLog, params);
    }

    public JmhOptions withIterations(int warmups, int measurements, Duration each) {
        return new JmhOptions(include, forks, warmups, each, measurements, each, lengths, jvmArgs, progressLog, params);
    }

    /** Overrides one benchmark parameter (e.g. {@code format}, {@code RSS}). */
    public JmhOptions withParam(String name, List<String> values) {
        java.util.Map<String, List<String>> all = new java.util.HashMap<>(params);
        all.put(name, List.copyOf(values));
        return new JmhOptions(include, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                lengths, jvmArgs, progressLog, all);
    }

    public JmhOptions withProgressLog(Path file) {
        return new JmhOptions(include, forks, warmupIterations, warmupTime, measurementIterations, measurementTime,
                lengths, jvmArgs, file, params);
    }
}
