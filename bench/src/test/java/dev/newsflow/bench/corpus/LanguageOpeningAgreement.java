package dev.newsflow.bench.corpus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Not a test: the harness behind the figure in BENCHMARKS.md (issue 20) for ingest's language detection reading an
 * article's opening first. For the bench corpus's articles it prints how often OpenNLP's language model names the
 * same language from the first N characters as from the first 1,000 (what ingest read before), and by how much the
 * best language leads the runner-up at each length.
 * <p>Run: {@code java -cp <bench test classes, classes and lib/*> dev.newsflow.bench.corpus.LanguageOpeningAgreement
 * [articles] [seed]} (defaults 300 and 11).
 */
public final class LanguageOpeningAgreement {
    private static final int FULL = 1_000;
    private static final int[] OPENINGS = {200, 300, 400};

    private LanguageOpeningAgreement() {
    }

    public static void main(String[] args) throws IOException {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 11;
        LanguageDetectorME detector;
        try (InputStream in = LanguageOpeningAgreement.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is not on the classpath");
            }
            detector = new LanguageDetectorME(new LanguageDetectorModel(new BufferedInputStream(in)));
        }
        List<String> samples = new ArrayList<>();
        for (Submission submission : SubmissionPlan.generate(new CorpusGenerator(seed), articles, CorpusMix.realistic())
                .submissions()) {
            // As ingest samples a draft: the headline, then paragraphs until 1,000 characters.
            StringBuilder sample = new StringBuilder(submission.article().headline());
            for (String paragraph : submission.article().body()) {
                if (sample.length() >= FULL) {
                    break;
                }
                sample.append('\n').append(paragraph);
            }
            samples.add(sample.length() > FULL ? sample.substring(0, FULL) : sample.toString());
        }
        System.out.printf(Locale.ROOT, "%d articles (seed %d)%n| opening (characters) | same language as %d | "
                + "lead of the best over the runner-up: min | median |%n|---|---|---|---|%n", samples.size(), seed, FULL);
        for (int length : OPENINGS) {
            int same = 0;
            List<Double> leads = new ArrayList<>();
            for (String sample : samples) {
                Language[] full = detector.predictLanguages(sample);
                Language[] opening = detector.predictLanguages(sample.length() > length ? sample.substring(0, length)
                        : sample);
                if (opening[0].getLang().equals(full[0].getLang())) {
                    same++;
                }
                leads.add(opening[0].getConfidence() / opening[1].getConfidence());
            }
            leads.sort(null);
            System.out.printf(Locale.ROOT, "| %d | %d / %d | %.1f× | %.1f× |%n", length, same, samples.size(),
                    leads.get(0), leads.get(leads.size() / 2));
        }
    }
}
