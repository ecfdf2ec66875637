package dev.newsflow.bench.e2e;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Percentiles of one latency histogram (recorded in microseconds), in milliseconds. */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double max) {

    /** Highest latency the histograms track: anything slower is clamped to it (and would show as max). */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_MICROS, 3);
    }

    static void record(Histogram histogram, long nanos) {
        long micros = Math.max(1, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(nanos)));
        histogram.recordValue(micros);
    }

    public static LatencySummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(histogram.getTotalCount(),
                ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)),
                ms(histogram.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }
}
