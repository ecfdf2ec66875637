package dev.newsflow.enrich;

import dev.newsflow.enrich.annotate.ArticleAnnotators;
import dev.newsflow.enrich.offline.EnrichedArticleJson;
import dev.newsflow.schema.ArticleSubmitted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The full enrichment (clean-up + standard annotator) of {@link GoldenArticles}, one JSON line per
 * article, with a fixed clock. {@link GoldenEnrichmentTest} compares it with the recorded file;
 * {@link #main} records it again, for when the output is meant to change:
 * {@code java -cp <enrich test classpath> dev.newsflow.enrich.GoldenEnrichment src/test/resources/golden/enriched-articles.jsonl}
 */
public final class GoldenEnrichment {
    static final String RESOURCE = "/golden/enriched-articles.jsonl";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T12:00:00Z"), ZoneOffset.UTC);

    private GoldenEnrichment() {
    }

    static List<String> render() {
        ArticleEnricher enricher = new ArticleEnricher(ArticleAnnotators.standard(),
                EnrichConfig.DEFAULT_CAPTION_SIMILARITY_THRESHOLD, CLOCK);
        List<String> lines = new ArrayList<>();
        for (ArticleSubmitted article : GoldenArticles.all()) {
            lines.add(EnrichedArticleJson.render(enricher.enrich(article)));
        }
        return lines;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GoldenEnrichment OUTPUT_FILE");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, render(), StandardCharsets.UTF_8);
    }
}
