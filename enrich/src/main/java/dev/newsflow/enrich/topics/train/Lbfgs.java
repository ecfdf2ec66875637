package dev.newsflow.enrich.topics.train;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4 with the two-loop
 * recursion) with a backtracking Armijo line search. Single-threaded and free of randomness, so the
 * same problem gives the same weights to the last bit: the topic model's bytes depend on its data only.
 */
final class Lbfgs {
    /** A smooth function to minimise: returns f(x) and writes its gradient. */
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    record Result(double[] x, double value, int iterations) {
    }

    private Lbfgs() {
    }

    static Result minimise(Objective f, double[] start, int memory, int maxIterations, double tolerance) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        double[][] s = new double[memory][];
        double[][] y = new double[memory][];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        for (; iteration < maxIterations; iteration++) {
            double gNorm = Math.sqrt(dot(g, g));
            if (gNorm <= tolerance * Math.max(1, Math.sqrt(dot(x, x)))) {
                break;
            }
            // Two-loop recursion: d = -H g.
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int j = 0; j < stored; j++) {
                int m = Math.floorMod(newest - j, memory);
                alpha[m] = rho[m] * dot(s[m], d);
                axpy(-alpha[m], y[m], d);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
            } else {
                double scale = 1 / gNorm;
                for (int i = 0; i < n; i++) {
                    d[i] *= scale;
                }
            }
            for (int j = stored - 1; j >= 0; j--) {
                int m = Math.floorMod(newest - j, memory);
                double beta = rho[m] * dot(y[m], d);
                axpy(alpha[m] - beta, s[m], d);
            }
            double slope = dot(g, d);
            if (slope >= 0) { // not a descent direction: start again from the gradient
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i] / gNorm;
                }
                slope = dot(g, d);
            }
            double step = 1;
            double fNew;
            int tries = 0;
            while (true) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || ++tries > 40) {
                    break;
                }
                step *= 0.5;
            }
            if (tries > 40) {
                break; // no progress possible at this precision
            }
            newest = (newest + 1) % memory;
            double[] sNew = s[newest] == null ? new double[n] : s[newest];
            double[] yNew = y[newest] == null ? new double[n] : y[newest];
            for (int i = 0; i < n; i++) {
                sNew[i] = xNew[i] - x[i];
                yNew[i] = gNew[i] - g[i];
            }
            double sy = dot(sNew, yNew);
            s[newest] = sNew;
            y[newest] = yNew;
            if (sy > 1e-12) {
                rho[newest] = 1 / sy;
                stored = Math.min(stored + 1, memory);
            } else {
                // Skip an update that would break positivity; the slot just written held the oldest pair.
                newest = Math.floorMod(newest - 1, memory);
                stored = Math.min(stored, memory - 1);
            }
            double change = Math.abs(fx - fNew);
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (change <= 1e-10 * Math.max(1, Math.abs(fx))) {
                iteration++;
                break;
            }
        }
        return new Result(x, fx, iteration);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
