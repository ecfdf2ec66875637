package dev.newsflow.enrich.topics.train;

import dev.newsflow.enrich.topics.Calibration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression by pool-adjacent-violators: the non-decreasing step function closest (weighted
 * least squares) to the observed outcomes of held-out predictions, as a {@link Calibration} through
 * the blocks' mean prediction and mean outcome.
 */
final class Isotonic {
    private Isotonic() {
    }

    /** One held-out prediction: the raw probability, whether it was right, how much it counts. */
    record Point(double score, boolean right, double weight) {
    }

    static Calibration fit(List<Point> points) {
        Point[] sorted = points.toArray(new Point[0]);
        // Stable sort: ties keep their input order, so the fit depends on the data only.
        Arrays.sort(sorted, Comparator.comparingDouble(Point::score));
        List<double[]> blocks = new ArrayList<>(); // {sum of w·score, sum of w·outcome, sum of w}
        for (Point p : sorted) {
            if (p.weight() <= 0) {
                continue;
            }
            double[] block = {p.weight() * p.score(), p.right() ? p.weight() : 0, p.weight()};
            blocks.add(block);
            while (blocks.size() > 1) {
                double[] last = blocks.get(blocks.size() - 1);
                double[] before = blocks.get(blocks.size() - 2);
                if (before[1] / before[2] < last[1] / last[2]) {
                    break;
                }
                before[0] += last[0];
                before[1] += last[1];
                before[2] += last[2];
                blocks.remove(blocks.size() - 1);
            }
        }
        if (blocks.isEmpty()) {
            return new Calibration(new float[] {0f}, new float[] {0f});
        }
        float[] x = new float[blocks.size()];
        float[] y = new float[blocks.size()];
        int n = 0;
        for (double[] b : blocks) {
            float bx = (float) (b[0] / b[2]);
            float by = (float) (b[1] / b[2]);
            if (n > 0 && bx <= x[n - 1]) {
                y[n - 1] = Math.max(y[n - 1], by); // same mean score after rounding to float: one point
                continue;
            }
            x[n] = bx;
            y[n] = n > 0 ? Math.max(by, y[n - 1]) : by;
            n++;
        }
        return new Calibration(Arrays.copyOf(x, n), Arrays.copyOf(y, n));
    }
}
