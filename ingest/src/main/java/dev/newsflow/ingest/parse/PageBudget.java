package dev.newsflow.ingest.parse;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeVisitor;

/**
 * The budget of one document being read: checks its nesting depth once after parsing, and the clock every few
 * hundred steps of extraction. Either refusal is a 422 naming the limit: the document cannot be processed as sent,
 * and sending it again will not help.
 */
final class PageBudget {
    /** Steps between two looks at the clock: reading the clock costs more than a step. */
    private static final int STEPS_PER_CHECK = 256;

    private final HtmlLimits limits;
    private final LongSupplier nanoClock;
    private final long deadline;
    private int steps;

    PageBudget(HtmlLimits limits, LongSupplier nanoClock) {
        this.limits = limits;
        this.nanoClock = nanoClock;
        this.deadline = nanoClock.getAsLong() + limits.timeBudget().toNanos();
    }

    /**
     * The CPU time of the calling thread, where the JVM can measure it (else wall time): the budget is for the
     * work a page costs, which a busy machine's other threads must not spend.
     */
    static LongSupplier threadCpuClock() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()) {
            return threads::getCurrentThreadCpuTime;
        }
        return System::nanoTime;
    }

    /** Refuses a document whose elements nest deeper than the limit (jsoup has parsed it; nothing else has run). */
    void checkDepth(Node root) {
        int[] deepest = {0};
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element && depth > deepest[0]) {
                    deepest[0] = depth;
                }
                tick();
            }
        });
        // Depth counts from the document; <html> and <body> are the first two levels of every page.
        int depth = root instanceof Document ? deepest[0] - 2 : deepest[0];
        if (depth > limits.maxDepth()) {
            throw new InvalidArticleException("body", "the HTML nests elements " + depth + " levels deep; the limit is "
                    + limits.maxDepth());
        }
    }

    /** One step of work; refuses the document once its time is up. */
    void tick() {
        if (++steps % STEPS_PER_CHECK == 0 && nanoClock.getAsLong() - deadline > 0) {
            throw new InvalidArticleException("body", "the HTML could not be read within the time budget of "
                    + limits.timeBudget().toMillis() + " ms");
        }
    }
}
