package dev.newsflow.ingest.quality;

import dev.newsflow.ingest.Fixtures;
import dev.newsflow.ingest.TestIngest;
import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.parse.ArticleNormaliser;
import dev.newsflow.ingest.parse.HtmlNormaliser;
import dev.newsflow.ingest.parse.JsonNormaliser;
import dev.newsflow.ingest.parse.Normalisers;
import dev.newsflow.ingest.parse.PlainTextNormaliser;
import dev.newsflow.ingest.parse.SectionLine;
import dev.newsflow.ingest.text.OpenNlpLanguageDetector;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rough speed figures for BENCHMARKS.md (not a test, never asserted; the bench module's JMH
 * benchmarks are the careful numbers): normaliser throughput per input shape, and publisher
 * POSTs through real HTTP into the in-JVM broker with acks=all, sequential and with 4 clients.
 * Run from the repository root:
 * <pre>
 * mvn -B -q -o -pl ingest test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp "ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/cp.txt)" \
 *     dev.newsflow.ingest.quality.IngestSpeedProbe
 * </pre>
 * With the argument {@code normalisers} it runs only the normaliser part; with
 * {@code http CLIENTS [ARTICLES]} only the HTTP part, with that many
 * concurrent clients (e.g. {@code http 32 3000}, the load under which lock waits showed in JFR).
 */
public final class IngestSpeedProbe {
    private IngestSpeedProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("http")) {
            int clients = Integer.parseInt(args[1]);
            int total = args.length > 2 ? Integer.parseInt(args[2]) : 300 * clients;
            try (TestIngest ingest = TestIngest.start(Map.of(dev.newsflow.ingest.IngestConfig.RATE_LIMIT_PER_MINUTE, "0"))) {
                http(ingest, clients, total);
            }
            System.exit(0);
        }
        normaliser("text/plain  (seed-shaped, 2.5 KB)", new PlainTextNormaliser(SectionLine.withDefaults()),
                Fixtures.read("text/harbour-summit.txt"));
        normaliser("text/plain + language detection", new WithLanguage(new Normalisers(SectionLine.withDefaults(),
                OpenNlpLanguageDetector.load())), Fixtures.read("text/harbour-summit.txt"));
        normaliser("text/plain + language detection, long (3 x body, 4 KB)", new WithLanguage(new Normalisers(
                SectionLine.withDefaults(), OpenNlpLanguageDetector.load())), longArticle(Fixtures.read("text/harbour-summit.txt")));
        normaliser("application/json (ninjs 2, 1.5 KB)", new JsonNormaliser(), Fixtures.read("json/ninjs-2.json"));
        normaliser("text/html   (article page, 3.5 KB)", new HtmlNormaliser(), Fixtures.read("html/coastal-daily-article.html"));
        if (args.length > 0 && args[0].equals("normalisers")) {
            System.exit(0);
        }
        try (TestIngest ingest = TestIngest.start(Map.of(dev.newsflow.ingest.IngestConfig.RATE_LIMIT_PER_MINUTE, "0"))) {
            http(ingest, 1, 300);
            http(ingest, 4, 1200);
        }
        System.exit(0);
    }

    /** The whole POST-path normalisation (parse, language detection, validation) of text/plain. */
    private record WithLanguage(Normalisers normalisers) implements ArticleNormaliser {
        @Override
        public ArticleDraft normalise(String document) {
            return normalisers.normalise("text/plain", document);
        }
    }

    /** The article with its body paragraphs given twice more (numbered, so none is taken for a repeat). */
    private static String longArticle(String article) {
        String[] blocks = article.split("\n\n");
        StringBuilder longer = new StringBuilder(article.strip());
        for (int copy = 2; copy <= 3; copy++) {
            for (int i = 4; i < blocks.length; i++) {
                longer.append("\n\n").append(copy).append(". ").append(blocks[i].strip());
            }
        }
        return longer.toString();
    }

    private static void normaliser(String name, ArticleNormaliser normaliser, String document) {
        long bytes = document.getBytes(StandardCharsets.UTF_8).length;
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            normaliser.normalise(document);
        }
        int count = 0;
        long start = System.nanoTime();
        end = start + 5_000_000_000L;
        while (System.nanoTime() < end) {
            normaliser.normalise(document);
            count++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "normalise %s: %.0f docs/s, %.1f MB/s (one thread)%n", name, count / seconds,
                count * bytes / seconds / 1e6);
    }

    private static void http(TestIngest ingest, int clients, int total) throws Exception {
        String template = Fixtures.read("text/harbour-summit.txt");
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        // Warm-up: JIT, connections, schema registration.
        for (int i = 0; i < 50; i++) {
            ingest.postWithKey("/v1/articles", "text/plain", template.replace("Nordic", "Warm-up " + i + " Nordic"));
        }
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = ingest.postWithKey("/v1/articles", "text/plain",
                            template.replace("Nordic", "Probe " + clients + "-" + i + " Nordic"));
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("unexpected " + response.statusCode() + " " + response.body());
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "POST /v1/articles text/plain, %d client(s), %d articles: %.0f articles/s, "
                        + "latency p50 %.1f ms, p99 %.1f ms (acks=all, in-JVM broker)%n", clients, total, total / seconds,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6);
    }
}
