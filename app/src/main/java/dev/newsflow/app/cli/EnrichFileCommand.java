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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.newsflow.platform.lifecycle.Failures;
import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.syndicate.render.JsonFeedRenderer;
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
                + "(no Kafka), and print one JSON document per article. By default that is what a partner would "
                + "receive: the JSON Feed 1.1 item with its _newsflow extension (images with caption, creditline "
                + "and by; entities; topics), as syndicate renders it; --output record prints the enriched record "
                + "as it is on articles-enriched (body paragraphs, clean-up report).",
                "Duplicate-submission suppression needs the stream's history and is not applied here.",
                "A file that cannot be read or is not a valid article is reported on standard error with the reason; "
                        + "the others are still printed, and the exit code is 1."})
public final class EnrichFileCommand implements Callable<Integer> {
    enum Format { text, json, html, auto }

    enum Output { item, record }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper PRETTY_JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Article files.")
    List<Path> files;

    @Option(names = {"--input-format", "--format"}, defaultValue = "auto", paramLabel = "FORMAT",
            description = "What the files are: text, json, html, or auto (by extension: .txt, .json, .html/.htm; "
                    + "default). --format is the old name.")
    Format format;

    @Option(names = "--output", defaultValue = "item", paramLabel = "item|record",
            description = "item: the JSON Feed item a partner receives (default); record: the enriched record.")
    Output output;

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
        JsonFeedRenderer items = new JsonFeedRenderer();
        int failures = 0;
        for (Path file : files) {
            try {
                String document = Files.readString(file, StandardCharsets.UTF_8);
                ArticleDraft draft = normalisers.normalise(contentType(file), document);
                EnrichedArticle enriched = enricher.enrich(ArticleRecords.firstVersion(publisher, draft, Instant.now()));
                if (output == Output.record) {
                    out.println(pretty ? EnrichedArticleJson.renderPretty(enriched) : EnrichedArticleJson.render(enriched));
                } else {
                    out.println((pretty ? PRETTY_JSON : JSON).writeValueAsString(items.item(enriched)));
                }
            } catch (InvalidArticleException e) {
                failures++;
                err.printf("%s: invalid article, field %s: %s%n", file, e.field(), e.getMessage());
            } catch (MalformedInputException | ArticleEnricher.EnrichmentException e) {
                failures++;
                err.printf("%s: %s%n", file, e.getMessage());
            } catch (IOException e) {
                failures++;
                err.printf("%s: cannot read: %s%n", file, Failures.oneLine(e));
            }
        }
        out.flush();
        err.flush();
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
