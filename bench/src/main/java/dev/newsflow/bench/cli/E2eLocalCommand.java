package dev.newsflow.bench.cli;

import dev.newsflow.bench.BenchStack;
import dev.newsflow.bench.e2e.LoadGenerator;
import dev.newsflow.bench.e2e.LoadReport;
import dev.newsflow.devstack.DevStack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "e2e-local", mixinStandardHelpOptions = true,
        description = "As e2e, against the pipeline started in this JVM first (when newsflow demo cannot run).")
final class E2eLocalCommand extends ReportingCommand {
    @Mixin
    LoadSettings load;

    @Override
    public Integer call() throws Exception {
        try (DevStack stack = BenchStack.start()) {
            LoadReport report = LoadGenerator.run(load.applyTo(BenchStack.loadAgainst(stack))
                    .pipelinePid(ProcessHandle.current().pid()).build());
            return report("e2e-local", "(pipeline started in the load generator's JVM)\n\n" + report.toText(),
                    report.allChecksPassed());
        }
    }
}
