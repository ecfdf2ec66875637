package dev.newsflow.enrich.annotate;

import dev.newsflow.enrich.ner.NerModel;
import dev.newsflow.enrich.ner.conll.Span;
import dev.newsflow.enrich.ner.conll.SpanScores;
import dev.newsflow.schema.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Scores where the names of news articles are and of what type, on articles in newsflow's linking format
 * ({@link LinkingDataset}: every named mention marked with its type), by exact character span and type,
 * for PER, ORG and LOC (the linking data marks few MISC names, and the post-checks leave nationality
 * words out). Either the model's own spans ({@link NameRecognizer}) or the mentions after the knowledge
 * base's post-checks ({@link EntityRecognizer}): what the linker receives, less the tentative names of
 * Title Case headlines and the names below the linker's least confidence, which it drops.
 */
public final class MentionEvaluation {
    private final NameRecognizer names;
    private final EntityRecognizer recognizer;

    public MentionEvaluation(NerModel model, KnowledgeBase kb) {
        this.names = new NameRecognizer(model, kb);
        this.recognizer = new EntityRecognizer(kb, names);
    }

    /** Scores the articles; {@code errors} (or null) sees a line for every false positive and negative. */
    public SpanScores score(List<LinkingDataset.Article> articles, boolean postChecks, Consumer<String> errors) {
        SpanScores scores = new SpanScores();
        for (LinkingDataset.Article article : articles) {
            List<ArticleField> fields = KnowledgeBaseAnnotator.fields(article.article());
            Tokens[] tokens = EntityRecognizer.tokenize(fields);
            List<List<Span>> predicted = new ArrayList<>(fields.size());
            List<List<Span>> gold = new ArrayList<>(fields.size());
            for (int f = 0; f < fields.size(); f++) {
                predicted.add(new ArrayList<>());
                gold.add(new ArrayList<>());
            }
            if (postChecks) {
                for (RecognisedMention m : recognizer.recognise(fields, tokens).mentions()) {
                    String type = type(m.type());
                    if (type != null && !m.tentative() && m.confidence() >= EntityLinker.MIN_MENTION_CONFIDENCE) {
                        predicted.get(m.field()).add(new Span(m.start(), m.end(), type));
                    }
                }
            } else {
                for (EntitySpan s : names.recognise(fields, tokens)) {
                    String type = s.type().name();
                    if (!type.equals("MISC")) {
                        predicted.get(s.field()).add(new Span(s.start(), s.end(), type));
                    }
                }
            }
            for (LinkingDataset.GoldMention g : article.gold()) {
                int f = fieldIndex(fields, g.field());
                if (f >= 0 && !g.type().equals("MISC")) {
                    gold.get(f).add(new Span(g.start(), g.end(), g.type()));
                }
            }
            for (int f = 0; f < fields.size(); f++) {
                scores.add(gold.get(f), predicted.get(f));
                if (errors != null) {
                    report(article.id(), fields.get(f), gold.get(f), predicted.get(f), errors);
                }
            }
        }
        return scores;
    }

    private static void report(String id, ArticleField field, List<Span> gold, List<Span> predicted, Consumer<String> errors) {
        for (Span p : predicted) {
            if (!gold.contains(p)) {
                errors.accept("FP " + p.type() + " [" + field.text().substring(p.start(), p.end()) + "]  " + id + " " + field.name());
            }
        }
        for (Span g : gold) {
            if (!predicted.contains(g)) {
                errors.accept("FN " + g.type() + " [" + field.text().substring(g.start(), g.end()) + "]  " + id + " " + field.name());
            }
        }
    }

    private static int fieldIndex(List<ArticleField> fields, String name) {
        for (int f = 0; f < fields.size(); f++) {
            if (fields.get(f).name().equals(name)) {
                return f;
            }
        }
        return -1;
    }

    private static String type(EntityType type) {
        return switch (type) {
            case PERSON -> "PER";
            case ORGANIZATION -> "ORG";
            case PLACE -> "LOC";
            default -> null;
        };
    }
}
