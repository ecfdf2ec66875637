package dev.newsflow.enrich.topics.train;

import java.util.List;

/**
 * Platt scaling: p = 1 / (1 + exp(-(a·z + b))) fitted by Newton's method on held-out raw scores z
 * and outcomes, with Platt's smoothed targets so that a perfectly separated sample cannot push the
 * slope to infinity.
 */
final class Platt {
    private Platt() {
    }

    record Point(double z, boolean right, double weight) {
    }

    /** Returns {a, b}. */
    static double[] fit(List<Point> points) {
        double positives = 0;
        double negatives = 0;
        for (Point p : points) {
            if (p.right()) {
                positives += p.weight();
            } else {
                negatives += p.weight();
            }
        }
        double hi = (positives + 1) / (positives + 2);
        double lo = 1 / (negatives + 2);
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (Point p : points) {
                double t = p.right() ? hi : lo;
                double q = 1 / (1 + Math.exp(-(a * p.z() + b)));
                double w = p.weight();
                double d = (q - t) * w;
                ga += d * p.z();
                gb += d;
                double h = q * (1 - q) * w;
                haa += h * p.z() * p.z();
                hab += h * p.z();
                hbb += h;
            }
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new double[] {a, b};
    }
}
