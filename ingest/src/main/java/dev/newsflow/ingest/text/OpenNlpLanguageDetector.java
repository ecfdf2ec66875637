package dev.newsflow.ingest.text;

import dev.newsflow.ingest.article.ArticleDraft;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Offline language detection with Apache OpenNLP's published 103-language model
 * ({@code org.apache.opennlp:opennlp-models-langdetect}, {@code langdetect-183.bin}, read from
 * the classpath; nothing is downloaded at run time). The model answers ISO 639-3 codes; they
 * are turned into the shortest BCP 47 tag ({@code eng} → {@code en}). Text that is too short, or
 * a best guess not clearly ahead of the next, leaves the language unknown rather than wrong.
 * <p>The model was half of ingest's CPU under load (every character n-gram scored for 103 languages), so plain
 * English prose is named by its function words without it ({@link EnglishFunctionWords}), and otherwise the model
 * first reads only the opening {@value #PROBE_CHARS} characters and reads on (up to {@value #MAX_SAMPLE_CHARS}) only
 * when that opening does not name the language by a wide lead.
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {
    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Below this many letters the model guesses too often. */
    private static final int MIN_LETTERS = 40;
    /**
     * The model's cost grows with the text (~1 µs per character: every character n-gram scored for
     * 103 languages), and the first thousand characters of an article (~170 words) name its language
     * as surely as the whole of it does.
     */
    private static final int MAX_SAMPLE_CHARS = 1_000;
    /**
     * The model spreads probability over 103 languages, so even a clear answer scores ~0.1; what
     * tells a sure guess from a coin toss is how far the best is ahead of the runner-up.
     */
    private static final double MIN_LEAD_RATIO = 2.0;
    /**
     * The opening read first. On the bench corpus's English articles, 300 characters named the same language as
     * 1,000 in 300 of 300, with the best ahead of the runner-up by 4.8× at least (16× typically); 200 characters
     * fell to 2.2× (bench's LanguageOpeningAgreement, BENCHMARKS.md).
     */
    static final int PROBE_CHARS = 300;
    /** How far ahead the best must be on the opening alone: twice the lead asked of the full sample. */
    private static final double PROBE_LEAD_RATIO = 2 * MIN_LEAD_RATIO;
    /** Macrolanguage members the model names, by the tag a reader expects. */
    private static final Map<String, String> SPECIAL = Map.of("cmn", "zh", "pes", "fa", "zsm", "ms", "nob", "nb",
            "nno", "nn", "ekk", "et", "lvs", "lv", "arb", "ar", "swh", "sw", "uzn", "uz");
    private static final Map<String, String> TWO_LETTER = twoLetterCodes();

    /** OpenNLP's n-grams of a text (stateless: normalisers and n-gram lengths), shared by every thread. */
    private final LanguageDetectorContextGenerator grams;
    /** The model's weights, read-only, in arrays ({@link FlatLanguageModel}: OpenNLP's own form is ~600,000 objects). */
    private final FlatLanguageModel model;

    private OpenNlpLanguageDetector(LanguageDetectorModel model) {
        this.grams = model.getFactory().getContextGenerator();
        this.model = FlatLanguageModel.of(model.getMaxentModel());
    }

    /** Loads the model from the classpath (about 10 MB, a second or two). */
    public static OpenNlpLanguageDetector load() {
        try (InputStream in = OpenNlpLanguageDetector.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenNLP language model " + MODEL_RESOURCE
                        + " is not on the classpath (org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new OpenNlpLanguageDetector(new LanguageDetectorModel(new BufferedInputStream(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the OpenNLP language model", e);
        }
    }

    @Override
    public Optional<String> detect(ArticleDraft draft) {
        StringBuilder sample = new StringBuilder(draft.headline() == null ? "" : draft.headline());
        for (String paragraph : draft.body()) {
            if (sample.length() >= MAX_SAMPLE_CHARS) {
                break;
            }
            sample.append('\n').append(paragraph);
        }
        return detect(sample.length() > MAX_SAMPLE_CHARS ? sample.substring(0, MAX_SAMPLE_CHARS) : sample.toString());
    }

    /** The BCP 47 tag of the text's language, when the model is confident. */
    public Optional<String> detect(String text) {
        if (!hasLetters(text, MIN_LETTERS)) {
            return Optional.empty();
        }
        if (EnglishFunctionWords.clearlyEnglish(text)) {
            return Optional.of("en");
        }
        return modelAnswer(text);
    }

    /** The model's answer alone, without the function-word shortcut (tests compare the two). */
    Optional<String> detectWithModel(String text) {
        return hasLetters(text, MIN_LETTERS) ? modelAnswer(text) : Optional.empty();
    }

    /** At least {@code wanted} letters: read only as far as the last one needed (an article has them in its first line). */
    static boolean hasLetters(String text, int wanted) {
        int found = 0;
        for (int i = 0; i < text.length() && found < wanted; ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                found++;
            }
            i += Character.charCount(c);
        }
        return found >= wanted;
    }

    private Optional<String> modelAnswer(String text) {
        String opening = opening(text);
        if (opening.length() < text.length()) {
            Optional<String> sure = best(opening, PROBE_LEAD_RATIO);
            if (sure.isPresent()) {
                return sure;
            }
        }
        return best(text, MIN_LEAD_RATIO);
    }

    /** The model's best guess, when it is at least {@code leadRatio} times as likely as the runner-up. */
    private Optional<String> best(String text, double leadRatio) {
        double[] p = model.probabilities(grams.getContext(text));
        if (p.length == 0) {
            return Optional.empty();
        }
        // The first of equal best scores, as a stable sort by confidence would put it.
        int best = 0;
        for (int o = 1; o < p.length; o++) {
            if (p[o] > p[best]) {
                best = o;
            }
        }
        double runnerUp = 0;
        for (int o = 0; o < p.length; o++) {
            if (o != best) {
                runnerUp = Math.max(runnerUp, p[o]);
            }
        }
        if (p[best] < leadRatio * runnerUp) {
            return Optional.empty();
        }
        return Optional.of(toBcp47(model.language(best)));
    }

    /** The first {@link #PROBE_CHARS} characters, cut back to a space so that no word is scored half. */
    static String opening(String text) {
        if (text.length() <= PROBE_CHARS) {
            return text;
        }
        int cut = PROBE_CHARS;
        while (cut > PROBE_CHARS / 2 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut > PROBE_CHARS / 2 ? cut : PROBE_CHARS);
    }

    static String toBcp47(String iso639_3) {
        String code = iso639_3.toLowerCase(Locale.ROOT);
        return SPECIAL.getOrDefault(code, TWO_LETTER.getOrDefault(code, code));
    }

    private static Map<String, String> twoLetterCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String twoLetter : Locale.getISOLanguages()) {
            try {
                codes.putIfAbsent(Locale.forLanguageTag(twoLetter).getISO3Language(), twoLetter);
            } catch (MissingResourceException e) {
                // No three-letter code known to this JDK: the model's code is kept as it is.
            }
        }
        return Map.copyOf(codes);
    }
}
