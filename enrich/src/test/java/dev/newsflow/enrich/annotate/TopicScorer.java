package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Topic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores top-level IPTC topics on the labelled set written for the project
 * ({@code annotate/topic-set.tsv}: id, acceptable top-level qcodes, headline, body).
 *
 * <p>Run: {@code java -cp ... dev.newsflow.enrich.annotate.TopicScorer}
 */
public final class TopicScorer {
    static final String RESOURCE = "annotate/topic-set.tsv";

    record LabelledArticle(String id, Set<String> acceptable, String main, String headline, String body) {
    }

    /**
     * @param articles        number of labelled articles
     * @param top1Precision   share of articles whose best top-level topic is acceptable
     * @param topLevelPrecision share of all emitted top-level topics that are acceptable
     * @param mainRecall      share of articles whose main label is among the emitted top-level topics
     */
    record Result(int articles, double top1Precision, double topLevelPrecision, double mainRecall, List<String> misses) {
    }

    private TopicScorer() {
    }

    static List<LabelledArticle> read() {
        List<LabelledArticle> articles = new ArrayList<>();
        try (InputStream in = TopicScorer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String[] codes = f[1].split(",");
                articles.add(new LabelledArticle(f[0], Set.of(codes), codes[0], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return articles;
    }

    static Result score(ArticleAnnotator annotator, List<LabelledArticle> articles) {
        int top1 = 0;
        int emitted = 0;
        int emittedRight = 0;
        int mainFound = 0;
        List<String> misses = new ArrayList<>();
        for (LabelledArticle a : articles) {
            EnrichedArticle.Builder article = Fixtures.article(a.headline(), List.of(a.body()), List.of());
            annotator.annotate(article);
            List<Topic> top = article.getTopics().stream().filter(t -> t.getLevel() == 1)
                    .sorted(Comparator.comparingDouble(Topic::getScore).reversed()).toList();
            if (!top.isEmpty() && a.acceptable().contains(top.get(0).getQcode())) {
                top1++;
            } else {
                misses.add(a.id() + " -> " + top.stream().map(t -> t.getQcode() + " " + t.getLabel()).toList());
            }
            for (Topic t : top) {
                emitted++;
                if (a.acceptable().contains(t.getQcode())) {
                    emittedRight++;
                }
            }
            if (top.stream().anyMatch(t -> t.getQcode().equals(a.main()))) {
                mainFound++;
            }
        }
        int n = articles.size();
        return new Result(n, (double) top1 / n, emitted == 0 ? 0 : (double) emittedRight / emitted, (double) mainFound / n, misses);
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Result r = score(ArticleAnnotators.standard(), read());
        out.printf(Locale.ROOT, "topic set: %d articles%n", r.articles());
        out.printf(Locale.ROOT, "top-1 top-level precision: %.3f%n", r.top1Precision());
        out.printf(Locale.ROOT, "precision of all emitted top-level topics: %.3f%n", r.topLevelPrecision());
        out.printf(Locale.ROOT, "main label recall: %.3f%n", r.mainRecall());
        r.misses().forEach(m -> out.println("miss: " + m));
    }
}
