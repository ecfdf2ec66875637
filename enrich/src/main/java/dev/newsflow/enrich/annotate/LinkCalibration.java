package dev.newsflow.enrich.annotate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Turns the linker's margin (how far the best candidate's score stands above the runner-up and above
 * "no entity") into a probability that the link is right: {@code p = 1 / (1 + exp(-(slope * margin +
 * intercept)))}, a logistic (Platt) fit on the calibration split of the linking data, never on the dev
 * split that is scored. A mention is linked only when {@code p >= threshold}; below it the entity keeps
 * no id (NIL), since a missing id costs a partner less than a wrong one.
 *
 * <p>The fitted values live in {@code linking/calibration.properties}, written by
 * {@code newsflow eval linking --fit-calibration FILE} (see README, "Entity linking").
 */
public record LinkCalibration(double slope, double intercept, double threshold) {
    static final String RESOURCE = "linking/calibration.properties";

    public double probability(double margin) {
        return 1.0 / (1.0 + Math.exp(-(slope * margin + intercept)));
    }

    /** The committed calibration from the classpath. */
    public static LinkCalibration load() {
        try (InputStream in = LinkCalibration.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("linking calibration missing from the classpath: " + RESOURCE);
            }
            Properties p = new Properties();
            p.load(in);
            return new LinkCalibration(Double.parseDouble(p.getProperty("slope")),
                    Double.parseDouble(p.getProperty("intercept")), Double.parseDouble(p.getProperty("threshold")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
