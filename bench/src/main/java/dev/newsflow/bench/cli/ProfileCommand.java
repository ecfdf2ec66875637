package dev.newsflow.bench.cli;

import dev.newsflow.bench.profile.JfrSummary;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Where the CPU time went, from a JFR recording: execution samples by thread group, package and "
                + "method. For the events themselves: jfr print --events jdk.ExecutionSample FILE.")
final class ProfileCommand extends ReportingCommand {
    @Option(names = "--jfr", required = true, paramLabel = "FILE", description = "The recording (.jfr).")
    Path recording;

    @Option(names = "--title", defaultValue = "", description = "A line above the tables.")
    String title;

    @Override
    public Integer call() throws Exception {
        return report("profile", title + "\n\n" + JfrSummary.read(recording).toText(12), true);
    }
}
