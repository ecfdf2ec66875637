package dev.newsflow.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The settings every newsflow benchmark is measured with, held once (JMH's annotations are inherited): operations per
 * second on one thread, so that scores read per core; 3 × 2 s of warm-up, 5 × 2 s measured, one fork with a fixed
 * 512 MB heap. {@code newsflow bench jmh} and {@code bench/run-benchmarks.sh} override forks and iterations from the
 * command line; these are what a run through JMH's own launcher gets.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public abstract class OneCoreThroughput {
}
