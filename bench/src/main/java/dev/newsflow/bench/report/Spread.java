package dev.newsflow.bench.report;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** The median and min–max of repeated runs of one figure, as BENCHMARKS.md reports it. */
public record Spread(double median, double min, double max, int runs) {

    public static Spread of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** NaN values (a figure a run could not measure) are left out. */
    public static Spread of(double... values) {
        values = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (values.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1], n);
    }

    /** Each run's value scaled, e.g. records/s into bytes/record. */
    public Spread times(double factor) {
        return factor >= 0 ? new Spread(median * factor, min * factor, max * factor, runs)
                : new Spread(median * factor, max * factor, min * factor, runs);
    }

    /**
     * {@code numerator} divided by each run's value, e.g. CPU ns per article into articles per CPU-second (for an
     * even number of runs the median is that of the two middle runs' mean, inverted).
     */
    public Spread reciprocal(double numerator) {
        return new Spread(numerator / median, numerator / max, numerator / min, runs);
    }

    /** "12,345 (12,001–12,800)" with the given decimals. */
    public String format(int decimals) {
        if (runs == 0) {
            return "n/a";
        }
        if (runs == 1) {
            return Numbers.format(median, decimals);
        }
        return Numbers.format(median, decimals) + " (" + Numbers.format(min, decimals) + "\u2013"
                + Numbers.format(max, decimals) + ")";
    }

    /** Helpers for figures in tables. */
    public static final class Numbers {
        private Numbers() {
        }

        public static String format(double value, int decimals) {
            if (Double.isNaN(value)) {
                return "n/a";
            }
            return String.format(Locale.ROOT, "%,." + decimals + "f", value);
        }
    }
}
