package dev.newsflow.bench.e2e;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Every measured POST's timings, one tab-separated line each: what the percentiles of the report are
 * made of. The start is given as wall-clock milliseconds so that lines can be set beside the
 * pipeline's own logs (a GC log with {@code -Xlog:gc:...:utctime}); the rest as milliseconds after
 * the start, empty where the thing was not seen (a repeat answered 200 reaches no topic; only an
 * article's first version is looked for in the feed).
 */
final class LatencyTrace {
    static final String HEADER = "run\tsequence\tstatus\tversion\tstart_epoch_ms\tanswer_ms\tenriched_ms\tfeed_ms";

    private final Path file;
    /** Wall-clock minus monotonic time, both in ms, taken once: the monotonic stamps map onto the wall clock. */
    private final long wallMinusMonotonicMillis;

    private LatencyTrace(Path file, long wallMinusMonotonicMillis) {
        this.file = file;
        this.wallMinusMonotonicMillis = wallMinusMonotonicMillis;
    }

    /** Starts the file afresh, with its header line. */
    static LatencyTrace create(Path file) {
        try {
            Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency trace " + file, e);
        }
        return new LatencyTrace(file, System.currentTimeMillis() - System.nanoTime() / 1_000_000);
    }

    /** Appends one run's lines, in sending order. */
    void append(int run, List<PostOutcome> outcomes, ArrivalLog enriched, ArrivalLog feed) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND)) {
            for (PostOutcome outcome : outcomes) {
                out.write(line(run, outcome, enriched, feed));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency trace " + file, e);
        }
    }

    String line(int run, PostOutcome outcome, ArrivalLog enriched, ArrivalLog feed) {
        long start = outcome.startNanos();
        String version = outcome.articleId() == null ? "" : outcome.versionKey();
        ArrivalLog.Arrival onTopic = outcome.accepted() ? enriched.get(outcome.versionKey()) : null;
        ArrivalLog.Arrival inFeed = outcome.accepted() && outcome.version() == 1 && feed != null
                ? feed.get(outcome.articleId()) : null;
        return run + "\t" + outcome.sequence() + "\t" + outcome.status() + "\t" + version
                + "\t" + (start / 1_000_000 + wallMinusMonotonicMillis)
                + "\t" + millisAfter(start, outcome.responseNanos())
                + "\t" + (onTopic == null ? "" : millisAfter(start, onTopic.firstNanos()))
                + "\t" + (inFeed == null ? "" : millisAfter(start, inFeed.firstNanos()));
    }

    private static String millisAfter(long startNanos, long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (nanos - startNanos) / 1e6);
    }
}
