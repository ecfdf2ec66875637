package dev.newsflow.app.cli;

import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.offline.EnrichedArticleJson;
import dev.newsflow.enrich.offline.OfflineEnricher;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleRecords;
import dev.newsflow.ingest.parse.InvalidArticleException;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.ingest.text.OpenNlpLanguageDetector;
import dev.newsflow.platform.errors.MalformedInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "enrich-file", mixinStandardHelpOptions = true,
        description = {"Run ingest's normalisers and the enrich clean-up + entities + topics on files, offline "
                + "(no Kafka), and print one JSON document per article: what a partner would receive.",
                "Duplicate-submission suppression needs the stream's history and is not applied here."})
public final class EnrichFileCommand implements Callable<Integer> {
    enum Format { text, json, html, auto }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article files.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "auto",
            description = "text, json, html, or auto (by extension: .txt, .json, .html/.htm; default).")
    Format format;

    @Option(names = "--publisher", defaultValue = "local", description = "Publisher id used for the article id (default: ${DEFAULT-VALUE}).")
    String publisher;

    @Option(names = "--pretty", description = "Indented JSON instead of one line per article.")
    boolean pretty;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Normalisers normalisers = new Normalisers(SectionLine.withDefaults(), OpenNlpLanguageDetector.load());
        OfflineEnricher enricher = OfflineEnricher.standard();
        int failures = 0;
        for (Path file : files) {
            try {
                String document = Files.readString(file, StandardCharsets.UTF_8);
                ArticleDraft draft = normalisers.normalise(contentType(file), document);
                var enriched = enricher.enrich(ArticleRecords.firstVersion(publisher, draft, Instant.now()));
                out.println(pretty ? EnrichedArticleJson.renderPretty(enriched)
                        : EnrichedArticleJson.render(enriched));
            } catch (InvalidArticleException e) {
                failures++;
                err.printf("%s: invalid article, field %s: %s%n", file, e.field(), e.getMessage());
            } catch (MalformedInputException | ArticleEnricher.EnrichmentException e) {
                failures++;
                err.printf("%s: %s%n", file, e.getMessage());
            }
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    private String contentType(Path file) {
        Format chosen = format;
        if (chosen == Format.auto) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            chosen = name.endsWith(".json") ? Format.json
                    : name.endsWith(".html") || name.endsWith(".htm") ? Format.html : Format.text;
        }
        return switch (chosen) {
            case json -> "application/json";
            case html -> "text/html";
            default -> "text/plain";
        };
    }
}
