package dev.newsflow.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The same 5,007 short strings every run (a fixed seed over letters, accents, a ligature, digits, quotes, dashes
 * and every kind of space), for checks of text functions that must hold for any input. Shared with enrich's tests
 * through this module's test-jar.
 */
public final class TextSamples {
    private static final String ALPHABET = "abcdeZ\u00E9\u00C9\uFB011 .,;'\u2019\u2018\u201C\u201D-\u2014"
            + "\u00A0\u2009\u200B\uFEFF\t\n\r";

    private TextSamples() {
    }

    public static List<String> random() {
        Random random = new Random(20260303L);
        List<String> samples = new ArrayList<>(List.of("", " ", "a", " a ", "a  b", "\u00A0", "Ukraine\u2019s"));
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            samples.add(text.toString());
        }
        return samples;
    }
}
