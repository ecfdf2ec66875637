package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.ner.conll.ConllSentence;
import dev.newsflow.enrich.ner.conll.Span;
import dev.newsflow.enrich.ner.conll.SpanScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scores the recogniser on CoNLL-style documents the way it runs on articles: each document becomes an
 * article whose body paragraphs are its sentences (tokens joined by single spaces), the article's own
 * tokenizer and the recogniser run on it ({@link NameRecognizer}: the spans the annotator links), and
 * each name found is mapped back to the file's tokens.
 *
 * <p>Strict scoring counts a name only with the gold start, end and type. Lenient scoring (for files
 * that tag every mention and put titles inside names, such as GUM) counts a name right when it overlaps
 * a gold name of its type, and counts as missed only gold names with a capital letter after the first
 * word of the sentence.
 */
public final class RecognizerEvaluation {
    /** Type names as files write them, mapped onto PER/ORG/LOC/MISC; other types are not scored. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("PER", "PER"), Map.entry("PERSON", "PER"), Map.entry("person", "PER"),
            Map.entry("ORG", "ORG"), Map.entry("ORGANIZATION", "ORG"), Map.entry("ORGANISATION", "ORG"),
            Map.entry("organization", "ORG"), Map.entry("corporation", "ORG"), Map.entry("group", "ORG"),
            Map.entry("LOC", "LOC"), Map.entry("LOCATION", "LOC"), Map.entry("GPE", "LOC"), Map.entry("place", "LOC"),
            Map.entry("location", "LOC"),
            Map.entry("MISC", "MISC"));

    private final NameRecognizer recognizer;

    public RecognizerEvaluation(NameRecognizer recognizer) {
        this.recognizer = recognizer;
    }

    /** The newsflow type of a file's type name, or null when it is not one of the four. */
    public static String type(String fileType) {
        return TYPES.get(fileType);
    }

    /** A scored sentence, for listing errors: the sentence, its gold names and the names found. */
    public record Scored(ConllSentence sentence, List<Span> gold, List<Span> predicted) {
    }

    /**
     * Scores the documents. Only the given types count (gold names of other types are dropped, and so
     * are predictions of them); {@code each} (or null) sees every sentence.
     */
    public SpanScores score(List<List<ConllSentence>> documents, Set<String> types, boolean lenient, Consumer<Scored> each) {
        SpanScores scores = new SpanScores();
        for (List<ConllSentence> doc : documents) {
            List<ArticleField> fields = new ArrayList<>(doc.size());
            List<int[]> starts = new ArrayList<>(doc.size());
            for (int s = 0; s < doc.size(); s++) {
                ConllSentence sentence = doc.get(s);
                StringBuilder text = new StringBuilder();
                int[] offsets = new int[sentence.size()];
                for (int i = 0; i < sentence.size(); i++) {
                    if (i > 0) {
                        text.append(' ');
                    }
                    offsets[i] = text.length();
                    text.append(sentence.tokens().get(i));
                }
                fields.add(new ArticleField("body[" + s + "]", text.toString(), KnowledgeBaseAnnotator.BODY_WEIGHT, true));
                starts.add(offsets);
            }
            List<List<Span>> predicted = new ArrayList<>(doc.size());
            for (int s = 0; s < doc.size(); s++) {
                predicted.add(new ArrayList<>());
            }
            for (EntitySpan span : recognizer.recognise(fields, EntityRecognizer.tokenize(fields))) {
                String type = span.type().name();
                if (!types.contains(type)) {
                    continue;
                }
                Span mapped = toTokens(doc.get(span.field()), starts.get(span.field()), span.start(), span.end(), type);
                if (mapped != null) {
                    predicted.get(span.field()).add(mapped);
                }
            }
            for (int s = 0; s < doc.size(); s++) {
                ConllSentence sentence = doc.get(s);
                List<Span> gold = new ArrayList<>();
                for (Span g : sentence.spans()) {
                    String type = type(g.type());
                    if (type != null && types.contains(type)) {
                        gold.add(new Span(g.start(), g.end(), type));
                    }
                }
                if (lenient) {
                    addLenient(scores, sentence, gold, predicted.get(s));
                } else {
                    scores.add(gold, predicted.get(s));
                }
                if (each != null) {
                    each.accept(new Scored(sentence, gold, predicted.get(s)));
                }
            }
        }
        return scores;
    }

    /** The tokens a character span covers. */
    private static Span toTokens(ConllSentence sentence, int[] offsets, int start, int end, String type) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < offsets.length; i++) {
            int tokenEnd = offsets[i] + sentence.tokens().get(i).length();
            if (tokenEnd > start && offsets[i] < end) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? null : new Span(first, last + 1, type);
    }

    private static void addLenient(SpanScores scores, ConllSentence sentence, List<Span> gold, List<Span> predicted) {
        for (Span p : predicted) {
            boolean hit = gold.stream().anyMatch(g -> g.type().equals(p.type()) && overlaps(g, p));
            scores.of(p.type())[hit ? 0 : 1]++;
        }
        for (Span g : gold) {
            if (named(sentence, g) && predicted.stream().noneMatch(p -> p.type().equals(g.type()) && overlaps(g, p))) {
                scores.of(g.type())[2]++;
            }
        }
    }

    /** A gold name with a capitalised word that does not start the sentence: a name, not a description. */
    private static boolean named(ConllSentence sentence, Span g) {
        for (int i = Math.max(g.start(), 1); i < g.end(); i++) {
            String token = sentence.tokens().get(i);
            if (!token.isEmpty() && Character.isUpperCase(token.charAt(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** The text of a span, for listing errors. */
    public static String text(ConllSentence sentence, Span span) {
        return String.join(" ", sentence.tokens().subList(span.start(), span.end()));
    }

    static String describe(Set<String> types) {
        return String.join("/", types.stream().sorted().toList()).toUpperCase(Locale.ROOT);
    }
}
