package dev.newsflow.enrich.annotate;

import dev.newsflow.schema.EnrichedArticle;
import dev.newsflow.schema.Image;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A simple single-thread timing harness until the JMH benchmarks exist: entities + topics on
 * ~500-word articles (the seed-shaped fixture plus paragraphs of the labelled topic set, shuffled
 * per article), after a warm-up. Also reports the heap the knowledge base keeps (measured in a fresh
 * JVM: used heap after full GCs, before and after loading it).
 *
 * <p>Run: {@code java -Xmx512m -cp ... dev.newsflow.enrich.annotate.AnnotatorThroughput [cpu-seconds]}
 */
public final class AnnotatorThroughput {
    private AnnotatorThroughput() {
    }

    static long usedHeapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Articles of about 500 words: the seed-shaped body, then paragraphs of the topic set. */
    static List<EnrichedArticle.Builder> articles(int count) {
        List<String> pool = new ArrayList<>(Fixtures.coalitionSummit().getBody());
        for (TopicScorer.LabelledArticle a : TopicScorer.read()) {
            pool.add(a.body());
        }
        List<TopicScorer.LabelledArticle> labelled = TopicScorer.read();
        List<EnrichedArticle.Builder> articles = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            List<String> body = new ArrayList<>();
            int words = 0;
            for (int k = n; words < 480; k += 7) {
                String p = pool.get(k % pool.size());
                body.add(p);
                words += p.split("\\s+").length;
            }
            String headline = labelled.get(n % labelled.size()).headline();
            articles.add(Fixtures.article(headline, body,
                    List.of(Image.newBuilder().setCaption(Fixtures.CAPTION).setCreditline("EPA").build())));
        }
        return articles;
    }

    static int words(EnrichedArticle.Builder a) {
        int w = a.getHeadline().split("\\s+").length + a.getImages().get(0).getCaption().split("\\s+").length;
        for (String p : a.getBody()) {
            w += p.split("\\s+").length;
        }
        return w;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedHeapAfterGc(memory);
        long t0 = System.nanoTime();
        KnowledgeBaseAnnotator annotator = new KnowledgeBaseAnnotator(KnowledgeBase.load());
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        double loadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
        long after = usedHeapAfterGc(memory);
        out.printf(Locale.ROOT, "knowledge base: %d entities, loaded in %d ms wall (main thread CPU so far %.2f s), "
                + "retained heap %.1f MB%n", annotator.knowledgeBase().entityCount(), loadMillis, loadCpu, (after - before) / 1e6);

        List<EnrichedArticle.Builder> articles = articles(200);
        long totalWords = 0;
        for (EnrichedArticle.Builder a : articles) {
            totalWords += words(a);
        }
        out.printf(Locale.ROOT, "corpus: %d articles, %.0f words per article on average%n", articles.size(),
                (double) totalWords / articles.size());

        run(annotator, articles, 5.0); // warm-up: 5 s of CPU
        long[] done = run(annotator, articles, seconds);
        double elapsed = done[2] / 1e9;
        double cpu = done[3] / 1e9;
        out.printf(Locale.ROOT, "one thread, %.1f s wall: %.0f articles/s, %.0f words/s (depends on other load)%n", elapsed,
                done[0] / elapsed, done[1] / elapsed);
        // Per CPU-second of the measuring thread: the figure that holds on a machine shared with other work.
        out.printf(Locale.ROOT, "per CPU-second of that thread (%.1f s CPU): %.0f articles/s, %.0f words/s%n", cpu,
                done[0] / cpu, done[1] / cpu);
    }

    private static long[] run(KnowledgeBaseAnnotator annotator, List<EnrichedArticle.Builder> articles, double seconds) {
        // Runs for a budget of this thread's CPU time, not wall time: on a machine shared with other
        // work a wall-clock budget leaves too little warm-up for the JIT and too few samples.
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long cpuDeadline = cpuStart + (long) (seconds * 1e9);
        long count = 0;
        long words = 0;
        int[] wordCounts = articles.stream().mapToInt(AnnotatorThroughput::words).toArray();
        int sink = 0;
        while (threads.getCurrentThreadCpuTime() < cpuDeadline) {
            for (int i = 0; i < articles.size(); i++) {
                EnrichedArticle.Builder a = articles.get(i);
                annotator.annotate(a);
                sink += a.getEntities().size() + a.getTopics().size();
                words += wordCounts[i];
            }
            count += articles.size();
        }
        if (sink == 42) {
            throw new IllegalStateException("never"); // keeps the work observable to the JIT
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        return new long[] {count, words, System.nanoTime() - start, cpu};
    }
}
