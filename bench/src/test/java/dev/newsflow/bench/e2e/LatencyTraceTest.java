package dev.newsflow.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace's lines: each timing from the POST's start, empty where nothing was to be seen or was not seen. */
class LatencyTraceTest {
    private static final long MS = 1_000_000L;

    @Test
    void writesAHeaderThenEachRunsPostsWithTheirTimingsFromTheStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("trace.tsv");
        LatencyTrace trace = LatencyTrace.create(file);
        PostOutcome first = new PostOutcome(0, 100 * MS, 107 * MS + 500_000, 202, "a", 1, null);
        PostOutcome update = new PostOutcome(1, 102 * MS, 110 * MS, 202, "a", 2, null);
        PostOutcome repeat = new PostOutcome(2, 104 * MS, 105 * MS, 200, "a", 1, null);
        PostOutcome failed = new PostOutcome(3, 106 * MS, 136 * MS, 503, null, 0, "HTTP 503");
        PostOutcome neverArrived = new PostOutcome(4, 108 * MS, 109 * MS, 202, "b", 1, null);
        ArrivalLog enriched = new ArrivalLog();
        enriched.arrived("a#1", 190 * MS);
        enriched.arrived("a#2", 230 * MS);
        ArrivalLog feed = new ArrivalLog();
        feed.arrived("a", 340 * MS);

        trace.append(2, List.of(first, update, repeat, failed, neverArrived), enriched, feed);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(LatencyTrace.HEADER);
        assertThat(lines.subList(1, lines.size())).extracting(LatencyTraceTest::withoutWallClock).containsExactly(
                "2\t0\t202\ta#1\t7.5\t90.0\t240.0",
                "2\t1\t202\ta#2\t8.0\t128.0\t",
                "2\t2\t200\ta#1\t1.0\t\t",
                "2\t3\t503\t\t30.0\t\t",
                "2\t4\t202\tb#1\t1.0\t\t");
        // The wall-clock start keeps the spacing of the monotonic starts.
        assertThat(lines.subList(1, lines.size())).extracting(line -> Long.parseLong(line.split("\t")[4]))
                .satisfies(starts -> assertThat(starts.get(4) - starts.get(0)).isEqualTo(8));
    }

    private static String withoutWallClock(String line) {
        String[] fields = line.split("\t", -1);
        assertThat(fields).hasSize(8);
        return String.join("\t", fields[0], fields[1], fields[2], fields[3], fields[5], fields[6], fields[7]);
    }
}
