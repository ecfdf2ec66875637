package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Entity;
import dev.newsflow.schema.EntityType;
import dev.newsflow.schema.Mention;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores entity recognition against token-tagged corpora: wikigold (CoNLL IO tags PER/ORG/LOC/MISC)
 * and GUM news (token TAB tag, one flat tag per token). Each document becomes one article whose
 * body paragraphs are its sentences (tokens joined by single spaces), is annotated, and the
 * predicted mentions are mapped back to token spans.
 *
 * <p>wikigold is scored strictly: a predicted span counts only with the exact gold boundaries and
 * type. GUM tags every mention, named or not, and includes titles in the span ("NASA Administrator
 * Charles Bolden"), so it is scored leniently: a prediction is right when it overlaps a gold span of
 * its type, and recall counts only gold spans with a capitalised word that does not start the sentence.
 *
 * <p>Run: {@code java -cp ... dev.newsflow.enrich.annotate.NerScorer NER_DEV_DIR [wikigold-split]}
 * where the split is {@code test} (documents 73-145, the default: never examined while writing rules),
 * {@code dev} (documents 1-72) or {@code all}.
 */
public final class NerScorer {
    static final EntityType[] SCORED = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PLACE};

    /** One document: sentences of tokens, with gold tags mapped to entity types (null = none). */
    record Document(List<List<String>> tokens, List<List<EntityType>> gold) {
    }

    record Span(int sentence, int first, int last, EntityType type) {
    }

    /** True/false positives and false negatives per type. */
    static final class Counts {
        final Map<EntityType, int[]> byType = new EnumMap<>(EntityType.class);

        int[] of(EntityType t) {
            return byType.computeIfAbsent(t, k -> new int[3]);
        }

        void print(String title, PrintStream out) {
            out.println(title);
            out.println("| type | P | R | F1 | tp | fp | fn |");
            out.println("|---|---|---|---|---|---|---|");
            int[] all = new int[3];
            for (EntityType t : SCORED) {
                int[] c = of(t);
                for (int k = 0; k < 3; k++) {
                    all[k] += c[k];
                }
                out.println(row(t.name(), c));
            }
            out.println(row("micro", all));
        }

        double f1(EntityType t) {
            int[] c = of(t);
            double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        private static String row(String name, int[] c) {
            double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |", name, p, r, f, c[0], c[1], c[2]);
        }
    }

    private NerScorer() {
    }

    // ---- reading ----------------------------------------------------------------------------------

    static List<Document> readConll(List<String> lines) {
        List<Document> docs = new ArrayList<>();
        List<List<String>> tokens = new ArrayList<>();
        List<List<EntityType>> gold = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        List<EntityType> tags = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("-DOCSTART-")) {
                flushSentence(tokens, gold, sentence, tags);
                if (!tokens.isEmpty()) {
                    docs.add(new Document(tokens, gold));
                }
                tokens = new ArrayList<>();
                gold = new ArrayList<>();
                continue;
            }
            if (line.isBlank()) {
                flushSentence(tokens, gold, sentence, tags);
                continue;
            }
            int space = line.lastIndexOf(' ');
            sentence.add(line.substring(0, space));
            tags.add(switch (line.substring(space + 1).replaceFirst("^[BI]-", "")) {
                case "PER" -> EntityType.PERSON;
                case "ORG" -> EntityType.ORGANIZATION;
                case "LOC" -> EntityType.PLACE;
                case "MISC" -> EntityType.OTHER;
                default -> null;
            });
        }
        flushSentence(tokens, gold, sentence, tags);
        if (!tokens.isEmpty()) {
            docs.add(new Document(tokens, gold));
        }
        return docs;
    }

    static Document readGum(List<String> lines) {
        List<List<String>> tokens = new ArrayList<>();
        List<List<EntityType>> gold = new ArrayList<>();
        List<String> sentence = new ArrayList<>();
        List<EntityType> tags = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                flushSentence(tokens, gold, sentence, tags);
                continue;
            }
            String[] f = line.split("\t", -1);
            sentence.add(f[0]);
            tags.add(switch (f.length > 1 ? f[1] : "") {
                case "person" -> EntityType.PERSON;
                case "organization" -> EntityType.ORGANIZATION;
                case "place" -> EntityType.PLACE;
                case "event" -> EntityType.EVENT;
                default -> null;
            });
        }
        flushSentence(tokens, gold, sentence, tags);
        return new Document(tokens, gold);
    }

    private static void flushSentence(List<List<String>> tokens, List<List<EntityType>> gold, List<String> sentence,
                                      List<EntityType> tags) {
        if (!sentence.isEmpty()) {
            tokens.add(new ArrayList<>(sentence));
            gold.add(new ArrayList<>(tags));
            sentence.clear();
            tags.clear();
        }
    }

    // ---- spans -----------------------------------------------------------------------------------

    static Set<Span> goldSpans(Document doc) {
        Set<Span> spans = new HashSet<>();
        for (int s = 0; s < doc.gold().size(); s++) {
            List<EntityType> tags = doc.gold().get(s);
            int i = 0;
            while (i < tags.size()) {
                EntityType t = tags.get(i);
                if (t == null) {
                    i++;
                    continue;
                }
                int j = i;
                while (j + 1 < tags.size() && tags.get(j + 1) == t) {
                    j++;
                }
                spans.add(new Span(s, i, j, t));
                i = j + 1;
            }
        }
        return spans;
    }

    /** Annotates the document as an article and maps each mention back to a token span. */
    static Set<Span> predictedSpans(Document doc, ArticleAnnotator annotator) {
        List<String> body = new ArrayList<>();
        List<int[]> starts = new ArrayList<>();
        for (List<String> sentence : doc.tokens()) {
            StringBuilder text = new StringBuilder();
            int[] offsets = new int[sentence.size()];
            for (int i = 0; i < sentence.size(); i++) {
                if (i > 0) {
                    text.append(' ');
                }
                offsets[i] = text.length();
                text.append(sentence.get(i));
            }
            body.add(text.toString());
            starts.add(offsets);
        }
        EnrichedArticle.Builder article = Fixtures.article("", body, List.of());
        annotator.annotate(article);
        Set<Span> spans = new HashSet<>();
        for (Entity e : article.getEntities()) {
            for (Mention m : e.getMentions()) {
                if (!m.getField().startsWith("body[")) {
                    continue;
                }
                int s = Integer.parseInt(m.getField().substring(5, m.getField().length() - 1));
                int[] offsets = starts.get(s);
                List<String> sentence = doc.tokens().get(s);
                int first = -1;
                int last = -1;
                for (int i = 0; i < offsets.length; i++) {
                    int tokenEnd = offsets[i] + sentence.get(i).length();
                    if (tokenEnd > m.getStart() && offsets[i] < m.getEnd()) {
                        if (first < 0) {
                            first = i;
                        }
                        last = i;
                    }
                }
                if (first >= 0) {
                    spans.add(new Span(s, first, last, e.getType()));
                }
            }
        }
        return spans;
    }

    static void scoreStrict(Set<Span> gold, Set<Span> predicted, Counts counts) {
        for (Span p : predicted) {
            if (isScored(p.type())) {
                counts.of(p.type())[gold.contains(p) ? 0 : 1]++;
            }
        }
        for (Span g : gold) {
            if (isScored(g.type()) && !predicted.contains(g)) {
                counts.of(g.type())[2]++;
            }
        }
    }

    static void scoreLenient(Document doc, Set<Span> gold, Set<Span> predicted, Counts counts) {
        for (Span p : predicted) {
            if (isScored(p.type())) {
                boolean hit = gold.stream().anyMatch(g -> g.type() == p.type() && overlaps(g, p));
                counts.of(p.type())[hit ? 0 : 1]++;
            }
        }
        for (Span g : gold) {
            if (!isScored(g.type()) || !named(doc, g)) {
                continue;
            }
            boolean found = predicted.stream().anyMatch(p -> p.type() == g.type() && overlaps(g, p));
            if (!found) {
                counts.of(g.type())[2]++;
            }
        }
    }

    private static boolean named(Document doc, Span g) {
        List<String> sentence = doc.tokens().get(g.sentence());
        for (int i = Math.max(g.first(), 1); i <= g.last(); i++) {
            String token = sentence.get(i);
            if (!token.isEmpty() && Character.isUpperCase(token.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Span a, Span b) {
        return a.sentence() == b.sentence() && a.first() <= b.last() && b.first() <= a.last();
    }

    private static boolean isScored(EntityType t) {
        return t == EntityType.PERSON || t == EntityType.ORGANIZATION || t == EntityType.PLACE;
    }

    // ---- main ------------------------------------------------------------------------------------

    static Counts scoreWikigold(List<Document> docs, ArticleAnnotator annotator) {
        Counts counts = new Counts();
        for (Document doc : docs) {
            scoreStrict(goldSpans(doc), predictedSpans(doc, annotator), counts);
        }
        return counts;
    }

    static Counts scoreGum(List<Document> docs, ArticleAnnotator annotator) {
        Counts counts = new Counts();
        for (Document doc : docs) {
            scoreLenient(doc, goldSpans(doc), predictedSpans(doc, annotator), counts);
        }
        return counts;
    }

    private static void printErrors(List<Document> docs, ArticleAnnotator annotator, PrintStream out) {
        for (Document doc : docs) {
            Set<Span> gold = goldSpans(doc);
            Set<Span> predicted = predictedSpans(doc, annotator);
            for (Span p : predicted) {
                if (isScored(p.type()) && !gold.contains(p)) {
                    out.println("FP " + p.type() + " " + text(doc, p) + "  gold=" + gold.stream()
                            .filter(g -> overlaps(g, p)).map(g -> g.type() + ":" + text(doc, g)).toList());
                }
            }
            for (Span g : gold) {
                if (isScored(g.type()) && !predicted.contains(g)) {
                    out.println("FN " + g.type() + " " + text(doc, g));
                }
            }
        }
    }

    private static String text(Document doc, Span s) {
        return String.join(" ", doc.tokens().get(s.sentence()).subList(s.first(), s.last() + 1));
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: NerScorer NER_DEV_DIR [test|dev|all]");
        }
        Path dir = Path.of(args[0]);
        String split = args.length > 1 ? args[1] : "test";
        ArticleAnnotator annotator = ArticleAnnotators.standard();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        List<Document> wikigold = readConll(Files.readAllLines(dir.resolve("wikigold/wikigold.conll.txt"), StandardCharsets.UTF_8));
        int half = wikigold.size() / 2;
        List<Document> chosen = switch (split) {
            case "dev" -> wikigold.subList(0, half);
            case "all" -> wikigold;
            default -> wikigold.subList(half, wikigold.size());
        };
        if (args.length > 2 && args[2].equals("errors") && split.equals("dev")) {
            printErrors(chosen, annotator, out); // only ever on the dev split
        }
        scoreWikigold(chosen, annotator).print(String.format(Locale.ROOT,
                "wikigold %s split (%d documents), strict span and type match:", split, chosen.size()), out);

        List<Document> gum = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("gum/news"))) {
            for (Path f : files.sorted().toList()) {
                gum.add(readGum(Files.readAllLines(f, StandardCharsets.UTF_8)));
            }
        }
        out.println();
        scoreGum(gum, annotator).print(String.format(Locale.ROOT,
                "GUM news (%d documents, all held out), lenient overlap match, named gold spans only for recall:", gum.size()), out);
    }
}
