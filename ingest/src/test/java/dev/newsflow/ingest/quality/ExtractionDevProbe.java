package dev.newsflow.ingest.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.parse.HtmlNormaliser;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.ingest.text.LanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A development aid, not a test: scores {@link HtmlNormaliser} alone (no enrich clean-up) on a directory of pages
 * with expected snippets ({@code expected.json} + {@code pages/*.html.gz}, the shape of the extraction-dev set),
 * in one JVM in seconds, with the measure of {@code tools/extraction/score_extraction.py}. The figure to report is
 * that script's (the CLI, clean-up included). Run from the ingest module after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) dev.newsflow.ingest.quality.ExtractionDevProbe DIR [URL…]}
 */
public final class ExtractionDevProbe {
    private ExtractionDevProbe() {
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        List<String> only = List.of(args).subList(1, args.length);
        JsonNode expected = new ObjectMapper().readTree(data.resolve("expected.json").toFile());
        // Through Normalisers, as the API and enrich-file read a page: validation included (an image URL it
        // refuses refuses the page).
        Normalisers normaliser = new Normalisers(SectionLine.withDefaults(), LanguageDetector.none());
        int found = 0;
        int missed = 0;
        int keptOut = 0;
        int keptIn = 0;
        int refused = 0;
        List<String> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> page = it.next();
            if (!only.isEmpty() && only.stream().noneMatch(page.getKey()::contains)) {
                continue;
            }
            String html;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(data.resolve("pages")
                    .resolve(page.getValue().get("file").asText())))) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<String> with = new ArrayList<>();
            page.getValue().get("with").forEach(s -> with.add(s.asText()));
            List<String> without = new ArrayList<>();
            page.getValue().get("without").forEach(s -> without.add(s.asText()));
            String body;
            try {
                ArticleDraft draft = normaliser.normalise("text/html", html);
                if (draft.body().isEmpty()) {
                    throw new IllegalStateException("no body");
                }
                body = fold(String.join("\n", draft.body()));
            } catch (RuntimeException e) {
                refused++;
                missed += with.size();
                keptOut += without.size();
                rows.add(with.size() + "\t" + page.getKey() + "\trefused: " + e.getMessage());
                continue;
            }
            List<String> miss = with.stream().filter(s -> !body.contains(fold(s))).toList();
            List<String> kept = without.stream().filter(s -> body.contains(fold(s))).toList();
            found += with.size() - miss.size();
            missed += miss.size();
            keptIn += kept.size();
            keptOut += without.size() - kept.size();
            if (!miss.isEmpty() || !kept.isEmpty()) {
                rows.add((miss.size() + kept.size()) + "\t" + page.getKey() + "\tmissed " + miss.size() + "/" + with.size()
                        + " " + cut(miss) + " kept " + kept.size() + "/" + without.size() + " " + cut(kept));
            }
        }
        rows.sort((a, b) -> Integer.compare(Integer.parseInt(b.split("\t")[0]), Integer.parseInt(a.split("\t")[0])));
        rows.forEach(System.out::println);
        double precision = keptOut + keptIn == 0 ? 0 : (double) keptOut / (keptOut + keptIn);
        double recall = found + missed == 0 ? 0 : (double) found / (found + missed);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.printf(Locale.ROOT, "refused %d; recall %.3f precision %.3f F1 %.3f%n", refused, recall, precision, f1);
    }

    private static String cut(List<String> snippets) {
        String joined = String.join(" | ", snippets);
        return joined.length() > 160 ? joined.substring(0, 160) + "…" : joined;
    }
}
