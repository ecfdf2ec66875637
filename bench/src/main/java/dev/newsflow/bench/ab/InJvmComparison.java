package dev.newsflow.bench.ab;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds' CPU per call of the same benchmark, measured in one thread of one JVM: after a warm-up of both, rounds
 * of a block of calls to each, the order swapped every round (A B, B A, ...), the thread's CPU time per call of each
 * block. The ratio is taken per round, so what the machine does to both within a round cancels out; the report gives
 * the median and quartiles over rounds.
 */
public final class InJvmComparison {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** Folds every result in, so that no call is dead code to the JIT. */
    private long consumed;

    /** @param warmupCalls calls to each build before measuring; @param block calls per measured block */
    public Report run(BuildUnderTest a, BuildUnderTest b, int warmupCalls, int block, int rounds) throws ReflectiveOperationException {
        if (block < 1 || rounds < 4 || warmupCalls < 0) {
            throw new IllegalArgumentException("block >= 1, rounds >= 4, warm-up >= 0");
        }
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        int warmed = 0;
        while (warmed < warmupCalls) {
            int n = Math.min(block, warmupCalls - warmed);
            cpuPerCall(a, n);
            cpuPerCall(b, n);
            warmed += n;
        }
        double[] microsA = new double[rounds];
        double[] microsB = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if ((r & 1) == 0) {
                microsA[r] = cpuPerCall(a, block);
                microsB[r] = cpuPerCall(b, block);
            } else {
                microsB[r] = cpuPerCall(b, block);
                microsA[r] = cpuPerCall(a, block);
            }
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = microsB[r] / microsA[r];
        }
        return new Report(Quartiles.of(microsA), Quartiles.of(microsB), Quartiles.of(ratios), warmupCalls, block, rounds);
    }

    private double cpuPerCall(BuildUnderTest build, int calls) throws ReflectiveOperationException {
        long start = threads.getCurrentThreadCpuTime();
        for (int k = 0; k < calls; k++) {
            consumed += System.identityHashCode(build.call());
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        return cpu / 1_000.0 / calls;
    }

    /** Median and quartiles of a sample. */
    public record Quartiles(double p25, double median, double p75) {
        static Quartiles of(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            return new Quartiles(at(v, 0.25), at(v, 0.5), at(v, 0.75));
        }

        private static double at(double[] sorted, double q) {
            double position = q * (sorted.length - 1);
            int low = (int) Math.floor(position);
            int high = Math.min(low + 1, sorted.length - 1);
            return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
        }
    }

    /** CPU µs per call of each build, and B/A per round. */
    public record Report(Quartiles microsA, Quartiles microsB, Quartiles ratio, int warmupCalls, int block, int rounds) {
        public String toText(String benchmark, String length, String a, String b) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "In-JVM A/B of %s%s: %,d warm-up calls each, then %d rounds of %d calls "
                            + "each, order swapped every round; thread CPU time per call; median (p25–p75) over rounds%n%n",
                    benchmark, length == null ? "" : " (" + length + ")", warmupCalls, rounds, block));
            out.append("| build | CPU µs per call |\n|---|---|\n");
            out.append(String.format(Locale.ROOT, "| A `%s` | %.1f (%.1f–%.1f) |%n", a, microsA.median(), microsA.p25(), microsA.p75()));
            out.append(String.format(Locale.ROOT, "| B `%s` | %.1f (%.1f–%.1f) |%n", b, microsB.median(), microsB.p25(), microsB.p75()));
            out.append(String.format(Locale.ROOT, "%n**B / A per round: %.3f** (%.3f–%.3f)%n", ratio.median(), ratio.p25(), ratio.p75()));
            return out.toString();
        }
    }
}
