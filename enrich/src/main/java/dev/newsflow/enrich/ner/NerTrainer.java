package dev.newsflow.enrich.ner;

import dev.newsflow.enrich.ner.TrainingCorpus.Document;
import dev.newsflow.enrich.ner.TrainingCorpus.Part;
import dev.newsflow.enrich.ner.TrainingCorpus.Sentence;
import dev.newsflow.enrich.ner.conll.Span;
import dev.newsflow.enrich.ner.conll.SpanScores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the recogniser from {@code ner-train/} (read in the newsflow convention by
 * {@link TrainingCorpus}) and scores it on the held-out parts.
 *
 * <ol>
 *   <li>The model: an averaged structured perceptron over the local and document features of each token,
 *       trained on every training document.</li>
 *   <li>Confidence: two more models, each trained on half of the documents, tag the other half; a
 *       logistic curve from a name's score margin to the chance it is right is fitted on those names
 *       (text the model that scores it has not seen, as at run time).</li>
 * </ol>
 *
 * <p>Deterministic: documents in file order, shuffled each epoch by a seeded {@link Random}, no hash-map
 * iteration, single-threaded float arithmetic; the same data give the same model bytes.
 *
 * <p>Sets that do not annotate MISC (UNER, BTC, re3d, WNUT) train with partial labels: their O tokens
 * may be O or MISC, and the perceptron's target is the best-scoring labelling that agrees with what the
 * set does annotate (a latent-variable perceptron), so they teach PER/ORG/LOC without teaching that a
 * MISC name is nothing.
 */
public final class NerTrainer {
    private static final int L = Labels.COUNT;

    /**
     * @param epochs  passes over the training documents
     * @param bits    log2 of the rows of the first pass's hashed weight table
     * @param seed    the shuffling seed
     * @param withDev train on the train and dev parts and score the test parts (the committed model),
     *                rather than train on the train parts and score the dev parts (development)
     * @param sets    the sets to read (null: all)
     */
    public record Options(int epochs, int bits, long seed, boolean withDev, List<String> sets) {
        public static Options defaults() {
            return new Options(10, 20, 20260106L, true, null);
        }
    }

    /** The model's bytes (gzip), and the scores on each set's held-out parts. */
    public record Result(byte[] modelBytes, NerModel model, Map<String, SpanScores> scores, String report) {
    }

    /** A document made ready for training: tokens, candidates, allowed labels, features of both passes. */
    private static final class Prepared {
        final Document doc;
        final int size;
        final boolean[] candidate;
        final int[] sentenceTo;
        final int[] masks;
        /** The label of each token, or -1 where the annotation leaves a choice (then decoded under masks). */
        final int[] gold;
        final boolean[] sentenceKnown;
        int[] rows;
        int[] offsets;

        Prepared(Document doc, int size) {
            this.doc = doc;
            this.size = size;
            candidate = new boolean[size];
            sentenceTo = new int[size];
            masks = new int[size];
            gold = new int[size];
            sentenceKnown = new boolean[size];
        }
    }

    private final Options options;
    private final Lexicon lexicon;
    private final PrintWriter log;

    private NerTrainer(Options options, Lexicon lexicon, PrintWriter log) {
        this.options = options;
        this.lexicon = lexicon;
        this.log = log;
    }

    /** Trains on {@code dataDir} (the ner-train folder) with the lexicon on the classpath. */
    public static Result train(Path dataDir, Options options, PrintWriter log) throws IOException {
        Lexicon lexicon = Lexicon.load();
        return new NerTrainer(options, lexicon, log).run(TrainingCorpus.read(dataDir, lexicon, options.sets()));
    }

    /** Trains on a corpus already read (tests: a small fixture corpus). */
    static Result train(TrainingCorpus corpus, Options options, Lexicon lexicon, PrintWriter log) throws IOException {
        return new NerTrainer(options, lexicon, log).run(corpus);
    }

    private Result run(TrainingCorpus corpus) throws IOException {
        long t0 = System.nanoTime();
        List<Prepared> train = new ArrayList<>();
        List<Document> heldOut = new ArrayList<>();
        DocumentFeatures features = new DocumentFeatures(lexicon, options.bits());
        NerInput input = new NerInput();
        int tokens = 0;
        for (Document doc : corpus.documents) {
            boolean training = doc.part == Part.TRAIN || (options.withDev() && doc.part == Part.DEV);
            if (training) {
                Prepared p = prepare(doc, features, input);
                train.add(p);
                tokens += p.size;
            } else if (doc.part == (options.withDev() ? Part.TEST : Part.DEV)) {
                heldOut.add(doc); // while developing (train only) the dev parts; for the model, the test parts
            }
        }
        log.printf(Locale.ROOT, "read %d training documents (%,d tokens), %d held out, in %.1f s%n", train.size(), tokens,
                heldOut.size(), (System.nanoTime() - t0) / 1e9);
        for (Map.Entry<String, Integer> e : corpus.changes.entrySet()) {
            log.printf(Locale.ROOT, "  convention: %s x %d%n", e.getKey(), e.getValue());
        }

        Perceptron model = train(train, "model");
        List<Prepared> a = new ArrayList<>();
        List<Prepared> b = new ArrayList<>();
        for (Prepared p : train) {
            (p.doc.id % 2 == 0 ? a : b).add(p);
        }
        Calibration calibration = new Calibration();
        calibration.add(b, train(a, "half A (for the confidence curve)"));
        calibration.add(a, train(b, "half B (for the confidence curve)"));
        float[] curve = Confidence.fit(calibration.margins, calibration.correct, calibration.size);
        log.printf(Locale.ROOT, "confidence: p = 1 / (1 + exp(-(%.5f * margin + %.4f))) from %,d names (%.1f %% right)%n",
                curve[0], curve[1], calibration.size, 100.0 * calibration.right() / Math.max(1, calibration.size));
        NerModel trained = new NerModel(options.bits(), lexicon,
                WeightLayer.quantise(model.averagedWeights(), model.averagedTransitions()), curve[0], curve[1]);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            trained.write(gz);
        }
        byte[] modelBytes = bytes.toByteArray();
        // Score the model as it will run: read back from its bytes.
        NerModel loaded = NerModel.read(new ByteArrayInputStream(modelBytes), lexicon);
        Map<String, SpanScores> scores = score(loaded, heldOut);
        StringBuilder report = new StringBuilder();
        int[] all = new int[3];
        for (Map.Entry<String, SpanScores> e : scores.entrySet()) {
            report.append(String.format(Locale.ROOT, "%-28s micro-F1 %.3f  %s%n", e.getKey(), e.getValue().microF1(),
                    perType(e.getValue())));
            int[] m = e.getValue().micro();
            for (int k = 0; k < 3; k++) {
                all[k] += m[k];
            }
        }
        report.append(String.format(Locale.ROOT, "%-28s micro-F1 %.3f%n", "all held-out", SpanScores.f1(all)));
        log.print(report);
        if (System.getProperty("ner.errors") != null) {
            printErrors(loaded, heldOut, System.getProperty("ner.errors"));
        }
        log.printf(Locale.ROOT, "trained in %.1f s; model %,d bytes%n", (System.nanoTime() - t0) / 1e9, modelBytes.length);
        log.flush();
        return new Result(modelBytes, loaded, scores, report.toString());
    }

    private static String perType(SpanScores s) {
        StringBuilder b = new StringBuilder();
        for (String type : s.types()) {
            int[] c = s.of(type);
            b.append(String.format(Locale.ROOT, "%s %.3f (P %.2f R %.2f)  ", type, s.f1(type), SpanScores.precision(c),
                    SpanScores.recall(c)));
        }
        return b.toString().strip();
    }

    // ---- preparing documents ------------------------------------------------------------------------

    static void fill(Document doc, NerInput input) {
        input.clear();
        for (Sentence s : doc.sentences) {
            StringBuilder text = new StringBuilder();
            int[] starts = new int[s.tokens.length];
            for (int i = 0; i < s.tokens.length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                starts[i] = text.length();
                text.append(s.tokens[i]);
            }
            input.beginText(text.toString().toCharArray());
            for (int i = 0; i < s.tokens.length; i++) {
                input.add(starts[i], starts[i] + s.tokens[i].length());
            }
        }
    }

    private Prepared prepare(Document doc, DocumentFeatures features, NerInput input) {
        fill(doc, input);
        features.prepare(input);
        Prepared p = new Prepared(doc, input.size);
        System.arraycopy(features.candidate, 0, p.candidate, 0, p.size);
        System.arraycopy(features.sentenceTo, 0, p.sentenceTo, 0, p.size);
        int base = 0;
        int outside = doc.set.misc() ? 1 << Labels.O : (1 << Labels.O) | Labels.typeMask(3);
        for (Sentence s : doc.sentences) {
            int n = s.tokens.length;
            for (int i = 0; i < n; i++) {
                p.masks[base + i] = s.unsure[i] ? Labels.ALL : outside;
            }
            for (Span span : s.spans) {
                boolean allCandidates = true;
                for (int k = span.start(); k < span.end(); k++) {
                    allCandidates &= p.candidate[base + k];
                }
                int type = TrainingCorpus.TYPES.indexOf(span.type());
                for (int k = span.start(); k < span.end(); k++) {
                    int position = span.end() - span.start() == 1 ? Labels.U
                            : k == span.start() ? Labels.B : k == span.end() - 1 ? Labels.L : Labels.I;
                    // A name with a word outside the candidates (a lower-case name) cannot be found by
                    // construction: leave its tokens unlabelled rather than teach that it is nothing.
                    p.masks[base + k] = allCandidates ? 1 << Labels.label(type, position) : Labels.ALL;
                }
            }
            boolean known = true;
            for (int i = 0; i < n; i++) {
                int k = base + i;
                if (!p.candidate[k]) {
                    p.masks[k] = Labels.ONLY_O;
                }
                int m = p.masks[k];
                p.gold[k] = Integer.bitCount(m) == 1 ? Integer.numberOfTrailingZeros(m) : -1;
                known &= p.gold[k] >= 0;
            }
            for (int i = 0; i < n; i++) {
                p.sentenceKnown[base + i] = known;
            }
            base += n;
        }
        features.extract(input);
        int[][] stored = store(features, p.size);
        p.rows = stored[0];
        p.offsets = stored[1];
        features.finish();
        return p;
    }

    /** Copies the document's feature rows out of the scratch space. */
    private static int[][] store(DocumentFeatures features, int n) {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += features.count[i];
        }
        int[] rows = new int[total];
        int[] offsets = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = k;
            System.arraycopy(features.rows, i * DocumentFeatures.MAX, rows, k, features.count[i]);
            k += features.count[i];
        }
        offsets[n] = k;
        return new int[][] {rows, offsets};
    }

    // ---- training -----------------------------------------------------------------------------------

    private Perceptron train(List<Prepared> docs, String name) {
        long t0 = System.nanoTime();
        Perceptron model = new Perceptron(options.bits());
        Viterbi viterbi = new Viterbi();
        float[] emissions = new float[1024 * L];
        int[] predicted = new int[1024];
        int[] target = new int[1024];
        List<Prepared> order = new ArrayList<>(docs);
        Random random = new Random(options.seed());
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            long errors = 0;
            long sentences = 0;
            for (Prepared p : order) {
                if (predicted.length < p.size) {
                    predicted = new int[p.size * 2];
                    target = new int[p.size * 2];
                    emissions = new float[p.size * 2 * L];
                }
                int[] rows = p.rows;
                int[] offsets = p.offsets;
                float step = p.doc.set.weight();
                int from = 0;
                while (from < p.size) {
                    int to = p.sentenceTo[from];
                    if (!anyCandidate(p, from, to)) {
                        from = to;
                        continue;
                    }
                    Perceptron.emissions(model.w, rows, offsets, from, to, p.candidate, emissions);
                    viterbi.decode(emissions, model.transitions, from, to, p.candidate, null, predicted);
                    sentences++;
                    if (!agrees(predicted, p.masks, from, to)) {
                        errors++;
                        int[] gold;
                        if (p.sentenceKnown[from]) {
                            gold = p.gold;
                        } else {
                            viterbi.decode(emissions, model.transitions, from, to, p.candidate, p.masks, target);
                            gold = target;
                        }
                        model.update(rows, offsets, from, to, gold, predicted, step);
                    }
                    model.tick();
                    from = to;
                }
            }
            log.printf(Locale.ROOT, "  %s epoch %d: %d of %d sentences wrong (%.1f s)%n", name, epoch, errors, sentences,
                    (System.nanoTime() - t0) / 1e9);
        }
        log.flush();
        return model;
    }

    private static boolean anyCandidate(Prepared p, int from, int to) {
        for (int i = from; i < to; i++) {
            if (p.candidate[i]) {
                return true;
            }
        }
        return false;
    }

    private static boolean agrees(int[] labels, int[] masks, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((masks[i] & (1 << labels[i])) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Margins of predicted names and whether each was right, for fitting the confidence curve. */
    private static final class Calibration {
        float[] margins = new float[1024];
        boolean[] correct = new boolean[1024];
        int size;

        /** Names that a model trained on other documents finds in these. */
        void add(List<Prepared> docs, Perceptron model) {
            float[] weights = model.averagedWeights();
            float[] transitions = model.averagedTransitions();
            Viterbi viterbi = new Viterbi();
            for (Prepared p : docs) {
                float[] emissions = new float[p.size * L];
                int[] labels = new int[p.size];
                Perceptron.emissions(weights, p.rows, p.offsets, 0, p.size, p.candidate, emissions);
                int from = 0;
                int sentence = 0;
                while (from < p.size) {
                    int to = p.sentenceTo[from];
                    viterbi.decode(emissions, transitions, from, to, p.candidate, null, labels);
                    Sentence s = p.doc.sentences.get(sentence++);
                    for (Span span : spans(labels, from, to - from)) {
                        if (!p.doc.set.misc() && span.type().equals("MISC")) {
                            continue; // the set cannot say whether it is right
                        }
                        float m = Confidence.margin(emissions, labels, p.candidate, from + span.start(), from + span.end() - 1,
                                from, to);
                        if (size == margins.length) {
                            margins = Arrays.copyOf(margins, size * 2);
                            correct = Arrays.copyOf(correct, size * 2);
                        }
                        margins[size] = m;
                        correct[size] = s.spans.contains(span);
                        size++;
                    }
                    from = to;
                }
            }
        }

        int right() {
            int n = 0;
            for (int k = 0; k < size; k++) {
                n += correct[k] ? 1 : 0;
            }
            return n;
        }
    }

    // ---- scoring ------------------------------------------------------------------------------------

    /** Exact-span scores per set and part, on the documents the model did not train on. */
    static Map<String, SpanScores> score(NerModel model, List<Document> docs) {
        Map<String, SpanScores> scores = new LinkedHashMap<>();
        NerTagger tagger = model.newTagger();
        NerInput input = new NerInput();
        for (Document doc : docs) {
            fill(doc, input);
            int[] labels = tagger.tag(input);
            SpanScores s = scores.computeIfAbsent(doc.set.name() + " " + doc.part.name().toLowerCase(Locale.ROOT),
                    k -> new SpanScores());
            int base = 0;
            for (Sentence sentence : doc.sentences) {
                List<Span> predicted = spans(labels, base, sentence.tokens.length);
                List<Span> gold = sentence.spans;
                if (!doc.set.misc()) {
                    // The set does not annotate MISC: score PER, ORG and LOC only.
                    predicted = predicted.stream().filter(x -> !x.type().equals("MISC")).toList();
                    gold = gold.stream().filter(x -> !x.type().equals("MISC")).toList();
                }
                s.add(gold, predicted);
                base += sentence.tokens.length;
            }
        }
        return scores;
    }

    private void printErrors(NerModel model, List<Document> docs, String set) {
        NerTagger tagger = model.newTagger();
        NerInput input = new NerInput();
        for (Document doc : docs) {
            if (!doc.set.name().equals(set)) {
                continue;
            }
            fill(doc, input);
            int[] labels = tagger.tag(input);
            int base = 0;
            for (Sentence sentence : doc.sentences) {
                List<Span> predicted = spans(labels, base, sentence.tokens.length);
                for (Span p : predicted) {
                    if (!sentence.spans.contains(p)) {
                        log.println("FP " + p.type() + " [" + text(sentence, p) + "] gold: " + overlapping(sentence, p));
                    }
                }
                for (Span g : sentence.spans) {
                    if (!predicted.contains(g) && predicted.stream().noneMatch(p -> p.start() < g.end() && g.start() < p.end())) {
                        log.println("FN " + g.type() + " [" + text(sentence, g) + "] in: " + String.join(" ", sentence.tokens));
                    }
                }
                base += sentence.tokens.length;
            }
        }
    }

    private static String text(Sentence s, Span span) {
        return String.join(" ", Arrays.asList(s.tokens).subList(span.start(), span.end()));
    }

    private static String overlapping(Sentence s, Span p) {
        StringBuilder b = new StringBuilder();
        for (Span g : s.spans) {
            if (g.start() < p.end() && p.start() < g.end()) {
                b.append(g.type()).append(":").append(text(s, g)).append(' ');
            }
        }
        return b.toString();
    }

    /** The names in labels[base .. base + n), as spans relative to base. */
    static List<Span> spans(int[] labels, int base, int n) {
        List<Span> spans = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < n; i++) {
            int y = labels[base + i];
            if (NerTagger.isStart(y)) {
                start = i;
            }
            if (NerTagger.isEnd(y) && start >= 0) {
                spans.add(new Span(start, i + 1, NerTagger.type(y).name()));
                start = -1;
            }
        }
        return spans;
    }

    /**
     * For development: {@code NerTrainer DATA_DIR [--dev] [--epochs N] [--bits B] [--sets a,b] [--out FILE]}
     * ({@code --dev}: train on the train parts only and score the dev parts). The documented command is
     * {@code newsflow train ner}.
     */
    public static void main(String[] args) throws IOException {
        Options o = Options.defaults();
        Path out = null;
        for (int k = 1; k < args.length; k++) {
            switch (args[k]) {
                case "--dev" -> o = new Options(o.epochs(), o.bits(), o.seed(), false, o.sets());
                case "--epochs" -> o = new Options(Integer.parseInt(args[++k]), o.bits(), o.seed(), o.withDev(), o.sets());
                case "--bits" -> o = new Options(o.epochs(), Integer.parseInt(args[++k]), o.seed(), o.withDev(), o.sets());
                case "--sets" -> o = new Options(o.epochs(), o.bits(), o.seed(), o.withDev(), List.of(args[++k].split(",")));
                case "--out" -> out = Path.of(args[++k]);
                default -> throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        Result r = train(Path.of(args[0]), o, new PrintWriter(System.out, true));
        if (out != null) {
            Files.write(out, r.modelBytes());
        }
    }
}
