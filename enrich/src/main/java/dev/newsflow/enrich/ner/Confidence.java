package dev.newsflow.enrich.ner;

/**
 * How sure the model is of a name: the smallest margin, over the name's tokens and the tokens just
 * outside it, between the chosen label's score and the best other label's, mapped to a probability by
 * a logistic curve fitted at training time on text neither pass had trained on (see {@link NerTrainer}).
 */
final class Confidence {
    private static final int L = Labels.COUNT;

    private Confidence() {
    }

    /** Margin of the name on tokens [first, last] of the sentence [sentenceFrom, sentenceTo). */
    static float margin(float[] emissions, int[] labels, boolean[] candidate, int first, int last, int sentenceFrom,
                        int sentenceTo) {
        float min = Float.POSITIVE_INFINITY;
        for (int i = Math.max(first - 1, sentenceFrom); i <= Math.min(last + 1, sentenceTo - 1); i++) {
            if (!candidate[i]) {
                continue; // outside the candidates a token can only be O
            }
            int y = labels[i];
            float chosen = emissions[i * L + y];
            float other = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < L; k++) {
                if (k != y) {
                    other = Math.max(other, emissions[i * L + k]);
                }
            }
            min = Math.min(min, chosen - other);
        }
        return min == Float.POSITIVE_INFINITY ? 0 : min;
    }

    static double probability(float margin, float slope, float intercept) {
        return 1 / (1 + Math.exp(-(slope * margin + intercept)));
    }

    /**
     * Fits p(correct) = 1 / (1 + exp(-(a * margin + b))) by Newton's method (a fixed number of steps, so
     * the same data give the same numbers). Returns {a, b}.
     */
    static float[] fit(float[] margins, boolean[] correct, int n) {
        // Margins are in the perceptron's units (tens to thousands): fit on margins scaled to about 1.
        double scale = 0;
        for (int k = 0; k < n; k++) {
            scale += Math.abs(margins[k]);
        }
        scale = n == 0 || scale == 0 ? 1 : scale / n;
        double a = 0;
        double b = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int k = 0; k < n; k++) {
                double x = margins[k] / scale;
                double p = 1 / (1 + Math.exp(-(a * x + b)));
                double err = (correct[k] ? 1 : 0) - p;
                double w = p * (1 - p) + 1e-9;
                ga += err * x;
                gb += err;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            // A little ridge on the slope keeps it finite when the margins separate the classes.
            haa += 1e-3;
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            a += (hbb * ga - hab * gb) / det;
            b += (haa * gb - hab * ga) / det;
        }
        return new float[] {(float) (a / scale), (float) b};
    }
}
