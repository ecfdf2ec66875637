package dev.newsflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsflow.bench.cli.BenchCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The crash test's short run, in {@code mvn verify}: {@code newsflow bench chaos} as a user runs it, with 40 articles
 * and one SIGKILL of the enrich process; nothing lost, nothing twice. The long run is in BENCHMARKS.md.
 */
class ChaosBenchIT {

    @Test
    void aKilledEnrichProcessLosesAndDuplicatesNothing(@TempDir Path data) {
        StringWriter out = new StringWriter();
        CommandLine cli = BenchCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));

        int exit = cli.execute("chaos", "--articles", "40", "--kills", "1", "--concurrency", "4",
                "--settle-seconds", "240", "--data-dir", data.toString());

        String report = out.toString().strip();
        assertThat(exit).as(report).isZero();
        assertThat(report.lines().reduce((first, second) -> second).orElseThrow())
                .isEqualTo("chaos: accepted 40, lost 0, duplicated 0, kills 1");
    }
}
