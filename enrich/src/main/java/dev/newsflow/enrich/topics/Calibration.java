package dev.newsflow.enrich.topics;

/**
 * A monotone map from a raw probability to a calibrated one: the points of an isotonic regression
 * fitted on held-out predictions, joined by straight lines, flat beyond the ends.
 *
 * @param x raw probabilities, increasing
 * @param y calibrated probabilities, non-decreasing
 */
public record Calibration(float[] x, float[] y) {

    public Calibration {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("calibration needs as many y as x, at least one");
        }
    }

    public double apply(double p) {
        if (p <= x[0]) {
            return y[0];
        }
        int n = x.length;
        if (p >= x[n - 1]) {
            return y[n - 1];
        }
        int lo = 0;
        int hi = n - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] <= p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double t = (p - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }
}
