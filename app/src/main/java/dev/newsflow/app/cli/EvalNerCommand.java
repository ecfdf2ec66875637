package dev.newsflow.app.cli;

import dev.newsflow.enrich.annotate.KnowledgeBase;
import dev.newsflow.enrich.annotate.LinkingDataset;
import dev.newsflow.enrich.annotate.MentionEvaluation;
import dev.newsflow.enrich.annotate.NameRecognizer;
import dev.newsflow.enrich.annotate.RecognizerEvaluation;
import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.enrich.ner.conll.ConllReader;
import dev.newsflow.enrich.ner.conll.ConllSentence;
import dev.newsflow.enrich.ner.conll.FlatTagReader;
import dev.newsflow.enrich.ner.conll.Span;
import dev.newsflow.enrich.ner.conll.SpanScores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ner", mixinStandardHelpOptions = true,
        description = {"Score the named-entity recogniser on CoNLL-style files: a token and its tag a line "
                + "(token first, tag last; other columns ignored), a blank line between sentences, -DOCSTART- "
                + "between documents. Tags in IOB1 or IOB2 (read alike, as conlleval does; which one is reported), "
                + "or BIOES/BILOU; types PER/ORG/LOC/MISC (also PERSON, ORGANIZATION, LOCATION, GPE).",
                "Each document is tagged as one article, through the article tokenizer, as in production. Prints "
                        + "exact-span precision, recall and F1 per type, and 'micro-F1 0.xxx' as the last line."})
public final class EvalNerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Labelled files.")
    List<Path> files;

    @Option(names = "--types", split = ",",
            description = "Types to score, e.g. PER,ORG,LOC (default: the types the files' gold names use).")
    List<String> types;

    @Option(names = "--sentences-per-document", defaultValue = "10",
            description = "Without -DOCSTART- lines, this many consecutive sentences make a document (default: ${DEFAULT-VALUE}).")
    int sentencesPerDocument;

    @Option(names = "--flat-tags", description = "Tags are bare types without B-/I- (GUM style): consecutive tokens of a type are one name.")
    boolean flatTags;

    @Option(names = "--lenient", description = "A name counts when it overlaps a gold name of its type; only capitalised gold names count as missed.")
    boolean lenient;

    @Option(names = "--errors", description = "List the false positives and false negatives.")
    boolean errors;

    @Option(names = "--linking-format",
            description = "FILEs are articles in newsflow's linking format (=== id, H:/P:/C:/R: lines, names marked "
                    + "[[surface|TYPE|QID or NIL]], e.g. enrich/src/test/resources/linking/dev.txt): scores PER/ORG/LOC by exact "
                    + "character span and type, article by article as in production.")
    boolean linkingFormat;

    @Option(names = "--post-checks",
            description = "With --linking-format: score the mentions after the knowledge base's post-checks (what the "
                    + "linker receives) rather than the model's own spans.")
    boolean postChecks;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Score this model (written by 'newsflow train ner --out FILE') instead of the committed one.")
    Path model;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (linkingFormat) {
            return scoreLinkingFormat(out);
        }
        List<List<ConllSentence>> documents = new ArrayList<>();
        boolean iob1 = false;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<List<ConllSentence>> docs = flatTags ? FlatTagReader.read(lines) : ConllReader.read(lines);
            boolean marked = lines.stream().anyMatch(l -> l.strip().startsWith("-DOCSTART-"));
            for (List<ConllSentence> doc : docs) {
                for (ConllSentence s : doc) {
                    iob1 |= s.looksIob1();
                }
                if (marked) {
                    documents.add(doc);
                } else {
                    for (int k = 0; k < doc.size(); k += sentencesPerDocument) {
                        documents.add(doc.subList(k, Math.min(doc.size(), k + sentencesPerDocument)));
                    }
                }
            }
        }
        Set<String> scored = new TreeSet<>();
        if (types != null && !types.isEmpty()) {
            for (String t : types) {
                String mapped = RecognizerEvaluation.type(t.strip());
                if (mapped == null) {
                    throw new IllegalArgumentException("unknown type " + t + " (PER, ORG, LOC, MISC)");
                }
                scored.add(mapped);
            }
        } else {
            for (List<ConllSentence> doc : documents) {
                for (ConllSentence s : doc) {
                    for (Span g : s.spans()) {
                        String mapped = RecognizerEvaluation.type(g.type());
                        if (mapped != null) {
                            scored.add(mapped);
                        }
                    }
                }
            }
        }
        NerModel scoredModel = model != null ? NerModel.load(model) : NerModel.standard();
        RecognizerEvaluation evaluation = new RecognizerEvaluation(new NameRecognizer(scoredModel, KnowledgeBase.load()));
        int sentences = documents.stream().mapToInt(List::size).sum();
        out.printf(Locale.ROOT, "%d documents, %d sentences; tags read as %s; scoring %s, %s%n", documents.size(), sentences,
                flatTags ? "bare types" : iob1 ? "IOB1" : "IOB2", String.join("/", scored),
                lenient ? "lenient (overlap)" : "exact span and type");
        List<String> listed = new ArrayList<>();
        SpanScores scores = evaluation.score(documents, new LinkedHashSet<>(scored), lenient, errors ? s -> {
            for (Span p : s.predicted()) {
                if (!s.gold().contains(p)) {
                    listed.add("FP " + p.type() + " [" + RecognizerEvaluation.text(s.sentence(), p) + "]  gold here: "
                            + s.gold().stream().filter(g -> g.start() < p.end() && p.start() < g.end())
                            .map(g -> g.type() + " [" + RecognizerEvaluation.text(s.sentence(), g) + "]").toList());
                }
            }
            for (Span g : s.gold()) {
                if (!s.predicted().contains(g)) {
                    listed.add("FN " + g.type() + " [" + RecognizerEvaluation.text(s.sentence(), g) + "]  in: "
                            + String.join(" ", s.sentence().tokens()));
                }
            }
        } : null);
        listed.forEach(out::println);
        scores.print(out);
        out.flush();
        return 0;
    }

    private int scoreLinkingFormat(PrintWriter out) throws IOException {
        List<LinkingDataset.Article> articles = new ArrayList<>();
        for (Path file : files) {
            articles.addAll(LinkingDataset.read(file));
        }
        NerModel scoredModel = model != null ? NerModel.load(model) : NerModel.standard();
        MentionEvaluation evaluation = new MentionEvaluation(scoredModel, KnowledgeBase.load());
        out.printf(Locale.ROOT, "%d articles; scoring LOC/ORG/PER, %s, exact character span and type%n", articles.size(),
                postChecks ? "mentions after the knowledge base's post-checks" : "the model's spans");
        SpanScores scores = evaluation.score(articles, postChecks, errors ? out::println : null);
        scores.print(out);
        out.flush();
        return 0;
    }
}
