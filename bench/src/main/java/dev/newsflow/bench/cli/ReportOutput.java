package dev.newsflow.bench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Where a report goes: printed, or appended to a Markdown file as a section of its own ({@code --out}). */
final class ReportOutput {
    @Option(names = "--out", paramLabel = "FILE",
            description = "Append the report to this Markdown file (as the benchmark script does) instead of printing it.")
    Path out;

    /** Prints the report, or appends it under {@code ## bench <name> (<time>)}; returns the exit status. */
    int write(String benchmark, String report, boolean passed, PrintWriter console) throws IOException {
        if (out == null) {
            console.println(report);
            console.flush();
        } else {
            String section = "## bench " + benchmark + " (" + Instant.now() + ")\n\n" + report + "\n";
            Files.writeString(out, section, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return passed ? 0 : 1;
    }
}
