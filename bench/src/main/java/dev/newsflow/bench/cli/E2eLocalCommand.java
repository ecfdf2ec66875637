package dev.newsflow.bench.cli;

import dev.newsflow.bench.BenchStack;
import dev.newsflow.bench.e2e.LoadGenerator;
import dev.newsflow.bench.e2e.LoadReport;
import dev.newsflow.devstack.DevStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "e2e-local", mixinStandardHelpOptions = true,
        description = "As e2e, against the pipeline started in this JVM first (when newsflow demo cannot run).")
final class E2eLocalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOutput output;

    @Mixin
    LoadSettings load;

    @Override
    public Integer call() throws Exception {
        try (DevStack stack = BenchStack.start()) {
            LoadReport report = LoadGenerator.run(load.applyTo(BenchStack.loadAgainst(stack))
                    .pipelinePid(ProcessHandle.current().pid()).build());
            return output.write("e2e-local", "(pipeline started in the load generator's JVM)\n\n" + report.toText(),
                    report.allChecksPassed(), spec.commandLine().getOut());
        }
    }
}
