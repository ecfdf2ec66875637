package dev.newsflow.ingest.quality;

import dev.newsflow.ingest.article.ArticleDraft;
import dev.newsflow.ingest.article.ArticleRecords;
import dev.newsflow.ingest.article.DraftImage;
import dev.newsflow.ingest.kafka.AcceptedVersion;
import dev.newsflow.ingest.kafka.ArticleLedger;
import dev.newsflow.schema.ArticleSubmitted;
import dev.newsflow.schema.SourceFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Live heap the ledger holds per accepted article (not a test, never asserted): fills a ledger
 * with generated articles of about 5 KB of body text and reads the used heap after a full GC.
 * Run from the repository root:
 * <pre>
 * mvn -B -q -o -pl ingest test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g -cp "ingest/target/test-classes:ingest/target/classes:$(cat ingest/target/cp.txt)" \
 *     dev.newsflow.ingest.quality.LedgerMemoryProbe 10000
 * </pre>
 */
public final class LedgerMemoryProbe {
    private static final String[] WORDS = ("harbour council minister storm shipping freight budget election "
            + "court ruling reporters weather coast police hospital school market prices energy grid talks "
            + "summit agreement fishermen union strike transport ferry bridge road closure").split(" ");

    private LedgerMemoryProbe() {
    }

    public static void main(String[] args) {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        SplittableRandom random = new SplittableRandom(42);
        // Loads and initialises the classes first (Avro schemas, generated records): not the ledger's memory.
        new ArticleLedger().record(AcceptedVersion.of(
                ArticleRecords.firstVersion("probe", draft(-1, random), Instant.now()), 0, 0));
        long before = usedAfterGc();
        ArticleLedger ledger = new ArticleLedger();
        for (int i = 0; i < articles; i++) {
            ArticleSubmitted article = ArticleRecords.firstVersion("probe", draft(i, random), Instant.now());
            ledger.record(AcceptedVersion.of(article, i % 3, i));
        }
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "ledger of %d articles (~5 KB body each): %.1f MiB live, %.0f bytes per article%n",
                ledger.size(), (after - before) / 1048576.0, (after - before) / (double) articles);
    }

    private static ArticleDraft draft(int index, SplittableRandom random) {
        List<String> body = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            body.add(sentence(random, 80));
        }
        return ArticleDraft.builder(SourceFormat.JSON)
                .guid("probe-" + index)
                .headline("Probe article " + index + " " + sentence(random, 8))
                .byline("By Probe Writer")
                .section("News")
                .language("en")
                .body(body)
                .images(List.of(new DraftImage(sentence(random, 20), "Photo: Probe / Agency", "https://example.org/" + index + ".jpg")))
                .keywords(List.of("probe", "ledger"))
                .build();
    }

    private static String sentence(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.append('.').toString();
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
