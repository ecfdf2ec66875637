package dev.newsflow.bench.cli;

import dev.newsflow.bench.memory.ServiceHeapProbe;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "heap", mixinStandardHelpOptions = true,
        description = "Heap per service: the pipeline started step by step in this JVM, live heap after each step, "
                + "then a load through it. Run it in a JVM of its own (e.g. -Xmx768m).")
final class HeapCommand extends ReportingCommand {
    @Option(names = "--articles", defaultValue = "2000", description = "Articles of the load (default: ${DEFAULT-VALUE}).")
    int articles;

    @Override
    public Integer call() throws Exception {
        ServiceHeapProbe.Report report = ServiceHeapProbe.run(Files.createTempDirectory("newsflow-bench-heap"), articles);
        return report("heap", report.toText(), true);
    }
}
