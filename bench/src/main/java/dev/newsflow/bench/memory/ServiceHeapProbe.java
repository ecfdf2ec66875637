package dev.newsflow.bench.memory;

import dev.newsflow.bench.BenchStack;
import dev.newsflow.bench.corpus.ArticleLength;
import dev.newsflow.bench.corpus.ArticleShape;
import dev.newsflow.bench.corpus.CorpusGenerator;
import dev.newsflow.bench.corpus.SubmittedRecords;
import dev.newsflow.bench.e2e.LoadGenerator;
import dev.newsflow.bench.e2e.LoadReport;
import dev.newsflow.bench.report.TextTable;
import dev.newsflow.devstack.DevStack;
import dev.newsflow.enrich.ArticleEnricher;
import dev.newsflow.enrich.annotate.ArticleAnnotators;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heap per service: starts the local pipeline in this JVM one part at a time and measures the
 * live heap after a full GC (and the RSS) after each step, so each step's growth is what that
 * part keeps alive at rest; then runs a load through it and measures again. The enrich
 * knowledge base (loaded on first use) is a step of its own. Run it in a JVM of its own (e.g.
 * {@code -Xmx768m}, like the demo), since everything else in the JVM counts in the baseline.
 */
public final class ServiceHeapProbe {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceHeapProbe.class);

    /** One step: the live heap and RSS after it, in bytes. */
    public record Step(String name, long liveHeapBytes, long rssBytes) {
    }

    /**
     * @param load the load run's report (its memory section is empty: RSS is in the steps)
     * @param afterLoad the class histogram after the load, or null when jcmd failed
     */
    public record Report(List<Step> steps, LoadReport load, long peakRssBytes, HeapHistogram afterLoad) {
        public String toText() {
            TextTable table = new TextTable("step", "live heap after GC (MiB)", "growth (MiB)", "RSS (MiB)",
                    "RSS growth (MiB)");
            Step previous = null;
            for (Step step : steps) {
                table.row(step.name(), mib(step.liveHeapBytes()),
                        previous == null ? "" : mib(step.liveHeapBytes() - previous.liveHeapBytes()),
                        mib(step.rssBytes()), previous == null ? "" : mib(step.rssBytes() - previous.rssBytes()));
                previous = step;
            }
            StringBuilder out = new StringBuilder("Heap per service (one JVM, started step by step; live heap = used after full GC)\n\n")
                    .append(table)
                    .append(String.format(Locale.ROOT, "%nPeak RSS sampled during the whole probe: %s MiB%n", mib(peakRssBytes)));
            if (afterLoad != null) {
                TextTable classes = new TextTable("largest classes after the load (live)", "instances", "MiB");
                afterLoad.largestClasses().forEach(row -> classes.row(row.className(), row.instances(), mib(row.bytes())));
                out.append('\n').append(classes);
            }
            return out.toString();
        }
    }

    private ServiceHeapProbe() {
    }

    public static Report run(Path dataDir, int loadArticles) throws Exception {
        long pid = ProcessHandle.current().pid();
        List<Step> steps = new ArrayList<>();
        try (ProcessMemorySampler sampler = ProcessMemorySampler.start(pid, Duration.ofMillis(100));
             DevStack pipeline = DevStack.prepare(BenchStack.settings(dataDir, 2))) {
            steps.add(measure("JVM + bench (baseline)"));
            pipeline.startKafka();
            steps.add(measure("+ Kafka broker (KRaft, in-JVM)"));
            pipeline.startRegistry();
            steps.add(measure("+ schema registry"));
            pipeline.startIngest();
            steps.add(measure("+ ingest"));
            loadKnowledgeBase();
            steps.add(measure("+ enrich knowledge base (first annotation)"));
            pipeline.startEnrich();
            steps.add(measure("+ enrich service (Streams, RocksDB)"));
            pipeline.startSyndicate();
            steps.add(measure("+ syndicate service (Streams, RocksDB, partner)"));
            LoadReport load = LoadGenerator.run(BenchStack.loadAgainst(pipeline)
                    .articles(loadArticles).warmupArticles(0).runs(1).rawBaseline(false).build());
            steps.add(measure("after " + loadArticles + " articles through the pipeline"));
            HeapHistogram histogram = null;
            try {
                histogram = HeapHistogram.of(pid);
            } catch (java.io.IOException e) {
                LOG.warn("no class histogram: {}", e.toString());
            }
            return new Report(steps, load, sampler.peakRssBytes(), histogram);
        }
    }

    private static void loadKnowledgeBase() {
        new ArticleEnricher(ArticleAnnotators.standard(), 0.8, Clock.systemUTC()).enrich(SubmittedRecords.of(
                new CorpusGenerator(1).article(0, ArticleShape.TEXT, ArticleLength.SHORT), "bench"));
    }

    /** Live heap after full GCs (repeated until it stops shrinking) and the current RSS. */
    static Step measure(String name) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (now >= used - 64 * 1024) {
                used = Math.min(used, now);
                break;
            }
            used = now;
        }
        long rss = ProcessMemorySampler.readStatusKb(ProcessHandle.current().pid(), "VmRSS:") * 1024;
        LOG.info("{}: live heap {} MiB, RSS {} MiB", name, mib(used), mib(rss));
        return new Step(name, used, rss);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.1f", bytes / 1048576.0);
    }
}
