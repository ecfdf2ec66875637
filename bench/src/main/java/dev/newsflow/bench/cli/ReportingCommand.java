package dev.newsflow.bench.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every benchmark command shares: where its report goes ({@code --out}) and its exit status. */
abstract class ReportingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOutput output;

    /** Prints or appends the report; 0 when the run's checks passed, 1 otherwise. */
    int report(String benchmark, String text, boolean passed) throws IOException {
        return output.write(benchmark, text, passed, spec.commandLine().getOut());
    }
}
